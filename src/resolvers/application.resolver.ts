import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { Application, ApplicationStatus } from '../entities/application.entity';
import { ApplicationPermissionType, ApplicationType, RegisterApplicationInput } from '../schema/application.type';
import { UserType } from '../schema/user.type';
import { WarehouseType } from '../schema/warehouse.type';
import { applicationAdminService } from '../services/applications/application-admin.service';
import { ValidGrant } from '../services/access/grant-spec';
import { warehouseService } from '../services/catalog/warehouse.service';
import { DOCUMENT_ACTION_DESCRIPTIONS, Permission, PERMISSION_CATALOG } from '../shield/permission-catalog';

/** A stored grant as the installing admin reads it: with the catalog's descriptions. */
const describe = (g: ValidGrant): ApplicationPermissionType => {
  const entry = PERMISSION_CATALOG.find((p) => p.permission === g.permission)!;
  return {
    permission: g.permission, description: entry.description, scopeKind: entry.scopeKind,
    allWarehouses: g.permission === Permission.WAREHOUSE_SELECT && g.warehouseIds === null, warehouseIds: g.warehouseIds,
    allReportKinds: g.permission === Permission.REPORT_VIEW && g.reportKinds === null, reportKinds: g.reportKinds,
    documentType: g.documentType,
    actions: g.actions.map((action) => ({ action, description: DOCUMENT_ACTION_DESCRIPTIONS[action] })),
  };
};

@Resolver(() => ApplicationType)
export class ApplicationResolver {
  @Query(() => [ApplicationType], { nullable: true, description: 'Registered applications, by name; optionally of one status.' })
  applications(@Ctx() ctx: RequestContext,
               @Arg('status', () => ApplicationStatus, { nullable: true, description: 'Only applications in this status; omitted: all.' }) status: ApplicationStatus | null) {
    return applicationAdminService.list(ctx, status);
  }

  @Query(() => ApplicationType, { nullable: true, description: 'One application; null when there is none with this id.' })
  application(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The application\'s id.' }) id: string) {
    return applicationAdminService.byId(ctx, id);
  }

  @FieldResolver(() => [ApplicationPermissionType], { description: 'Everything it asks for: what installing approves.' })
  requestedPermissions(@Root() application: Application): ApplicationPermissionType[] {
    return application.requestedGrants.map(describe);
  }

  @FieldResolver(() => [ApplicationPermissionType], { description: 'What an admin approved (empty until installed); enforced only while INSTALLED.' })
  approvedPermissions(@Root() application: Application): ApplicationPermissionType[] {
    return (application.approvedGrants ?? []).map(describe);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who registered it; null when no user did (the demo seed).' })
  registeredBy(@Root() application: Application, @Ctx() ctx: RequestContext) {
    return application.registeredById === null ? null : ctx.loaders.user.load(application.registeredById);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The admin who installed it; null until installed.' })
  installedBy(@Root() application: Application, @Ctx() ctx: RequestContext) {
    return application.installedById === null ? null : ctx.loaders.user.load(application.installedById);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The admin who refused or revoked it; null unless REVOKED.' })
  revokedBy(@Root() application: Application, @Ctx() ctx: RequestContext) {
    return application.revokedById === null ? null : ctx.loaders.user.load(application.revokedById);
  }

  @Mutation(() => ApplicationType, { nullable: true, description: 'Registers an application in status REQUESTED.' })
  registerApplication(@Ctx() ctx: RequestContext,
    @Arg('input', () => RegisterApplicationInput, { description: 'The application and the permissions it asks for.' }) input: RegisterApplicationInput) {
    return applicationAdminService.register(ctx, input);
  }

  @Mutation(() => ApplicationType, {
    nullable: true,
    description: 'Installs (approves) everything the application requests; FORBIDDEN unless you hold all of it yourself.',
  })
  installApplication(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The REQUESTED application to install.' }) id: string) {
    return applicationAdminService.install(ctx, id);
  }

  @Mutation(() => ApplicationType, { nullable: true, description: 'Refuses or withdraws the application: its next request is refused.' })
  revokeApplication(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The application to refuse or revoke.' }) id: string) {
    return applicationAdminService.revoke(ctx, id);
  }
}

@Resolver(() => ApplicationPermissionType)
export class ApplicationPermissionResolver {
  @FieldResolver(() => [WarehouseType], { nullable: true, description: 'The listed warehouses the viewer can select (see warehouseIds).' })
  warehouses(@Root() permission: ApplicationPermissionType, @Ctx() ctx: RequestContext) {
    return warehouseService.listed(ctx, permission.warehouseIds);
  }
}
