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

  @Query(() => InventorySettingsType, { nullable: true, description: 'Needs INVENTORY_VIEW or SETTINGS_EDIT.' })
  settings(@Ctx() ctx: RequestContext) {
    return settingsAdminService.get(ctx);
  }

  @Mutation(() => InventorySettingsType, { nullable: true, description: 'Needs SETTINGS_EDIT; every change is audited.' })
  updateSettings(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateSettingsInput) input: UpdateSettingsInput) {
    return settingsAdminService.update(ctx, input);
  }
}
