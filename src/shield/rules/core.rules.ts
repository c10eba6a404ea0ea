import { authenticated, requires, visibleWithParent } from '../rules';
import { Permission } from '../permission-catalog';
import { RuleTree } from '../rule';

/** The viewer, users as they appear inside other objects, and shared types. */
export const coreRules: RuleTree = {
  Query: {
    viewer: authenticated,
    permissionCatalog: requires(Permission.ACCESS_MANAGE),
  },
  Viewer: visibleWithParent('user', 'permissions', 'allWarehouses', 'warehouses', 'reportKinds', 'documentPermissions'),
  DocumentPermission: visibleWithParent('type', 'actions'),
  User: visibleWithParent('id', 'login', 'name', 'active'),
  PageInfo: visibleWithParent('hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'),
  PermissionInfo: visibleWithParent('permission', 'scopeKind', 'description', 'documentTypes', 'documentActions'),
  DocumentActionInfo: visibleWithParent('action', 'description'),
};
