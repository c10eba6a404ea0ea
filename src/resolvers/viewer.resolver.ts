import { Ctx, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { ViewerType } from '../schema/viewer.type';
import { warehouseService } from '../services/catalog/warehouse.service';
import { ReportKind } from '../shield/permission-catalog';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The viewer: effective permissions and selectable warehouses.' })
  async viewer(@Ctx() ctx: RequestContext): Promise<ViewerType> {
    const { access } = ctx;
    return {
      user: access.user!,
      application: access.application,
      permissions: access.permissionList(),
      allWarehouses: access.warehouses.all,
      warehouses: await warehouseService.list(ctx, true),
      reportKinds: Object.values(ReportKind).filter((kind) => access.canReport(kind)),
      documentPermissions: [...access.grants.documentActions]
        .map(([type, actions]) => ({ type, actions: [...actions].sort() }))
        .sort((a, b) => a.type.localeCompare(b.type)),
    };
  }
}
