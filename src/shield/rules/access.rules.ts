import { notAuthenticated, or, Permission, requires, rule, visibleWithParent } from '../rules';
import { need, needsAll } from '../requirement';
import { RuleTree } from '../rule';

const manage = requires(Permission.ACCESS_MANAGE);

/**
 * Access administration (issue 4): every entry point needs ACCESS_MANAGE; what it returns is then
 * visible with its parent. Warehouses inside grants and assignments still pass the Warehouse row
 * guard (an admin of warehouse A sees B only as an id).
 */
export const accessRules: RuleTree = {
  Query: {
    roles: manage, role: manage, users: manage, user: manage, accessAuditLog: manage, explainAccess: manage,
  },
  Mutation: {
    createRole: manage, updateRole: manage, setRoleGrants: manage, resetStandardRole: manage, deleteRole: manage,
    assignRole: manage, unassignRole: manage,
    createUser: manage, updateUser: manage, deactivateUser: manage, reactivateUser: manage,
  },
  Role: visibleWithParent('id', 'name', 'description', 'systemKey', 'createdAt', 'updatedAt', 'editable', 'grants', 'members'),
  Grant: visibleWithParent('permission', 'allWarehouses', 'warehouseIds', 'warehouses', 'allReportKinds', 'reportKinds',
    'documentType', 'actions'),
  RoleAssignment: visibleWithParent('id', 'warehouseIds', 'warehouses', 'createdAt', 'user', 'role'),
  UserConnection: visibleWithParent('edges', 'nodes', 'pageInfo', 'totalCount'),
  UserEdge: visibleWithParent('cursor', 'node'),
  AccessAuditEntry: visibleWithParent('id', 'at', 'action', 'subjectType', 'subjectId', 'before', 'after', 'actor'),
  AccessAuditEntryConnection: visibleWithParent('edges', 'nodes', 'pageInfo', 'totalCount'),
  AccessAuditEntryEdge: visibleWithParent('cursor', 'node'),
  AccessExplanation: visibleWithParent('user', 'granted', 'summary', 'requirements'),
  AccessRequirement: visibleWithParent('permission', 'warehouseId', 'reportKind', 'documentType', 'action', 'description', 'granted', 'verdicts'),
  AssignmentVerdict: visibleWithParent('assignment', 'grants', 'reason'),
};

/** User fields owned by access administration; the rest of User is in core.rules.ts. */
export const userAdminRules: RuleTree = {
  User: {
    assignments: manage,
    // E-mail addresses are personal: the user themself or an access manager.
    email: or(
      rule('self', needsAll(need('SELF', 'being this user')), (access, user: { id: number }) => {
        if (!access.authenticated) return notAuthenticated;
        return access.userId === user.id ? null
          : { code: 'FORBIDDEN', permission: Permission.ACCESS_MANAGE, message: 'Missing permission ACCESS_MANAGE: only the user themself and access managers see e-mail addresses.' };
      }),
      manage,
    ),
  },
};
