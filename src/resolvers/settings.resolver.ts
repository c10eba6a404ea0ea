import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { SETTINGS_KEY } from '../schema/id-coordinates';
import { InventorySettingsType, UpdateSettingsInput } from '../schema/settings.type';
import { settingsAdminService } from '../services/catalog/settings-admin.service';

@Resolver(() => InventorySettingsType)
export class SettingsResolver {
  @FieldResolver(() => ID, { description: 'The settings\' global id: the same in every response, for client caches (docs/frontend.md).' })
  id(): number {
    return SETTINGS_KEY;
  }

  @Query(() => InventorySettingsType, { nullable: true, description: 'The inventory settings of the company.' })
  settings(@Ctx() ctx: RequestContext) {
    return settingsAdminService.get(ctx);
  }

  @Mutation(() => InventorySettingsType, { nullable: true, description: 'Changes the inventory settings; every change is audited.' })
  updateSettings(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateSettingsInput, { description: 'The settings to change.' }) input: UpdateSettingsInput) {
    return settingsAdminService.update(ctx, input);
  }
}
