import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { InventorySettingsType, UpdateSettingsInput } from '../schema/settings.type';
import { settingsAdminService } from '../services/catalog/settings-admin.service';

@Resolver()
export class SettingsResolver {
  @Query(() => InventorySettingsType, { nullable: true, description: 'Needs INVENTORY_VIEW or SETTINGS_EDIT.' })
  settings(@Ctx() ctx: RequestContext) {
    return settingsAdminService.get(ctx);
  }

  @Mutation(() => InventorySettingsType, { nullable: true, description: 'Needs SETTINGS_EDIT; every change is audited.' })
  updateSettings(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateSettingsInput) input: UpdateSettingsInput) {
    return settingsAdminService.update(ctx, input);
  }
}
