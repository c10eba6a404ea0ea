import { EntityManager, In } from 'typeorm';
import { RequestContext } from '../../context';
import { RoleAssignment } from '../../entities/role-assignment.entity';
import { User } from '../../entities/user.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { badInput, InputErrors } from '../../errors';
import { NO_GRANTS } from '../../shield/access';
import { Permission } from '../../shield/permission-catalog';
import { accessChange, assertNoEscalation, audit, AuditSubject, grantsOfRole, requireRole, requireUser } from './access-admin.service';
import { effectiveGrants, ValidGrant } from './grant-spec';
import { parseId } from '../platform/ids';
import { assertUserInReach } from './reach';
import { encodeId } from '../platform/opaque-ids';

/** The narrowing of an assignment: existing warehouse ids, sorted; null = as the role says. */
async function checkNarrowing(tx: EntityManager, ids: Array<string | number> | null | undefined, grants: ValidGrant[]): Promise<number[] | null> {
  if (ids === null || ids === undefined) return null;
  if (ids.length === 0) throw badInput('warehouseIds', 'name at least one warehouse, or omit it to keep the role\'s scope');
  const select = grants.find((g) => g.permission === Permission.WAREHOUSE_SELECT);
  if (!select) throw badInput('warehouseIds', 'the role grants no WAREHOUSE_SELECT to narrow');
  const keys = ids.map(parseId);
  const bad = ids.find((_, i) => keys[i] === null);
  if (bad !== undefined) throw badInput('warehouseIds', 'no warehouse with this id');
  const unique = [...new Set(keys as number[])].sort((a, b) => a - b);
  const found = new Set((await tx.getRepository(Warehouse).findBy({ id: In(unique) })).map((w) => w.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) throw badInput('warehouseIds', 'no warehouse with this id');
  const outside = select.warehouseIds ? unique.find((id) => !select.warehouseIds!.includes(id)) : undefined;
  if (outside !== undefined) throw badInput('warehouseIds', `warehouse ${encodeId('Warehouse', outside)} is outside the role's WAREHOUSE_SELECT scope; narrowing cannot widen`);
  return unique;
}

const assignmentSnapshot = (a: RoleAssignment, roleName: string) => ({ roleId: a.roleId, roleName, warehouseIds: a.warehouseScope });

/**
 * Assign a role to a user, optionally narrowing its WAREHOUSE_SELECT for that user. Assigning a
 * role the user already holds changes the narrowing (narrow or widen). The actor must hold what
 * the assignment adds: the role's grants as narrowed here (DESIGN §2, no escalation).
 */
export const assignmentAdminService = {
  assign(ctx: RequestContext, userId: string, roleId: string, warehouseIds: Array<string | number> | null | undefined): Promise<RoleAssignment> {
    return accessChange(ctx, async (tx) => {
      const errors = new InputErrors();
      const user = await errors.checkAsync(() => requireUser(tx, userId, 'userId'));
      const role = await errors.checkAsync(() => requireRole(tx, roleId, 'roleId'));
      errors.throwIfAny();
      // What the user holds now must be in reach; what this assignment adds, held (assertNoEscalation):
      // together, everything the user would hold afterwards is within the actor's access.
      await assertUserInReach(ctx, tx, user!);
      const grants = await grantsOfRole(tx, role.id);
      const scope = await checkNarrowing(tx, warehouseIds, grants);
      const existing = await tx.getRepository(RoleAssignment).findOneBy({ userId: user.id, roleId: role.id });
      const before = existing ? effectiveGrants(grants, existing.warehouseScope) : NO_GRANTS;
      assertNoEscalation(ctx, before, effectiveGrants(grants, scope));
      const beforeSnapshot = existing ? assignmentSnapshot(existing, role.name) : null;
      const assignment = existing ?? tx.create(RoleAssignment, { userId: user.id, roleId: role.id });
      assignment.warehouseScope = scope;
      const saved = await tx.save(RoleAssignment, assignment);
      await audit(ctx, tx, existing ? 'ASSIGNMENT_CHANGED' : 'ROLE_ASSIGNED', AuditSubject.USER, user.id,
        beforeSnapshot, assignmentSnapshot(saved, role.name));
      return saved;
    });
  },

  unassign(ctx: RequestContext, userId: string, roleId: string): Promise<User> {
    return accessChange(ctx, async (tx) => {
      const errors = new InputErrors();
      const user = await errors.checkAsync(() => requireUser(tx, userId, 'userId'));
      const role = await errors.checkAsync(() => requireRole(tx, roleId, 'roleId'));
      errors.throwIfAny();
      await assertUserInReach(ctx, tx, user!);
      const existing = await tx.getRepository(RoleAssignment).findOneBy({ userId: user.id, roleId: role.id });
      if (!existing) throw badInput('roleId', `user ${user.login} does not hold role ${role.name}`);
      await tx.delete(RoleAssignment, { id: existing.id });
      await audit(ctx, tx, 'ROLE_UNASSIGNED', AuditSubject.USER, user.id, assignmentSnapshot(existing, role.name), null);
      return user;
    });
  },
};
