import { Permission, requires, visibleWithParent } from '../rules';
import { RuleTree } from '../rule';

const manage = requires(Permission.ACCESS_MANAGE);

/**
 * Applications (issue 10): administered with ACCESS_MANAGE like roles. Warehouses inside
 * permissions still pass the Warehouse row guard. The viewer's own application is visible to
 * the viewer (an integration's developer sees which app the token names).
 */
export const applicationRules: RuleTree = {
  Query: { applications: manage, application: manage },
  Mutation: { registerApplication: manage, installApplication: manage, revokeApplication: manage },
  Application: visibleWithParent('id', 'clientId', 'name', 'description', 'vendor', 'callbackUrl', 'status', 'installedAt',
    'revokedAt', 'createdAt', 'requestedPermissions', 'approvedPermissions', 'registeredBy', 'installedBy', 'revokedBy'),
  ApplicationPermission: visibleWithParent('permission', 'description', 'scopeKind', 'allWarehouses', 'warehouseIds', 'warehouses',
    'allReportKinds', 'reportKinds', 'documentType', 'actions'),
  Viewer: visibleWithParent('application'),
  ViewerApplication: visibleWithParent('id', 'clientId', 'name', 'vendor'),
};
