import { EntityManager } from 'typeorm';
import { RequestContext } from '../../context';
import { Role } from '../../entities/role.entity';
import { RoleAssignment } from '../../entities/role-assignment.entity';
import { RoleGrant } from '../../entities/role-grant.entity';
import { badInput, conflict, forbidden, InputErrors } from '../../errors';
import {
  accessChange, assertEditable, audit, AuditSubject, grantsOfRole, requireRole, roleSnapshot, validateGrantsWithinAccess,
} from './access-admin.service';
import { GrantSpecInput, toGrantRows } from './grant-spec';
import { parseId } from '../platform/ids';
import { assertRoleHoldersInReach } from './reach';
import { STANDARD_ROLES } from './standard-roles';

export interface RoleInput {
  name?: string | null;
  description?: string | null;
}

async function checkName(tx: EntityManager, name: string | null | undefined, exceptId: number | null): Promise<string> {
  const trimmed = (name ?? '').trim();
  if (!trimmed) throw badInput('input.name', 'must not be empty');
  if (trimmed.length > 128) throw badInput('input.name', 'at most 128 characters');
  // Case-insensitive on both databases (MariaDB's collation already is; SQLite's unique index is not).
  const clash = await tx.getRepository(Role).createQueryBuilder('r')
    .where('LOWER(r.name) = :name', { name: trimmed.toLowerCase() }).getOne();
  if (clash && clash.id !== exceptId) throw badInput('input.name', `a role named "${clash.name}" already exists`);
  return trimmed;
}

function checkDescription(description: string | null | undefined): string {
  const text = (description ?? '').trim();
  if (text.length > 1000) throw badInput('input.description', 'at most 1000 characters');
  return text;
}

async function replaceGrants(ctx: RequestContext, tx: EntityManager, role: Role, specs: GrantSpecInput[], action: string): Promise<Role> {
  assertEditable(role);
  // Holders in reach + additions held (validateGrantsWithinAccess) = every holder stays in reach.
  await assertRoleHoldersInReach(ctx, tx, role.id);
  const before = await grantsOfRole(tx, role.id);
  const after = await validateGrantsWithinAccess(ctx, tx, specs, { before });
  await tx.delete(RoleGrant, { roleId: role.id });
  await tx.save(RoleGrant, toGrantRows(role.id, after));
  // Bump updatedAt so clients see the role changed even when only its grants did.
  role.updatedAt = new Date();
  const saved = await tx.save(Role, role);
  await audit(ctx, tx, action, AuditSubject.ROLE, role.id, { grants: before }, { grants: after });
  return saved;
}

/** Roles: create, rename/describe, set grants, delete (DESIGN §2, issue 4). */
export const roleAdminService = {
  list(ctx: RequestContext): Promise<Role[]> {
    return ctx.db.getRepository(Role).find({ order: { name: 'ASC' } });
  },

  byId(ctx: RequestContext, id: string): Promise<Role | null> {
    const key = parseId(id);
    return key === null ? Promise.resolve(null) : ctx.loaders.role.load(key);
  },

  create(ctx: RequestContext, input: RoleInput & { grants?: GrantSpecInput[] | null }): Promise<Role> {
    return accessChange(ctx, async (tx) => {
      const errors = new InputErrors();
      const name = await errors.checkAsync(() => checkName(tx, input.name, null));
      const description = errors.check(() => checkDescription(input.description));
      const grants = await errors.checkAsync(() => validateGrantsWithinAccess(ctx, tx, input.grants ?? [], { field: 'input.grants' }));
      errors.throwIfAny();
      const role = await tx.save(Role, tx.create(Role, { name, description, systemKey: null }));
      await tx.save(RoleGrant, toGrantRows(role.id, grants));
      await audit(ctx, tx, 'ROLE_CREATED', AuditSubject.ROLE, role.id, null, roleSnapshot(role, grants));
      return role;
    });
  },

  update(ctx: RequestContext, id: string, input: RoleInput): Promise<Role> {
    return accessChange(ctx, async (tx) => {
      const role = await requireRole(tx, id, 'id');
      assertEditable(role);
      await assertRoleHoldersInReach(ctx, tx, role.id);
      const before = { name: role.name, description: role.description };
      const errors = new InputErrors();
      if (input.name !== undefined && input.name !== null) role.name = await errors.checkAsync(() => checkName(tx, input.name, role.id));
      if (input.description !== undefined && input.description !== null) role.description = errors.check(() => checkDescription(input.description));
      errors.throwIfAny();
      const saved = await tx.save(Role, role);
      await audit(ctx, tx, 'ROLE_UPDATED', AuditSubject.ROLE, role.id, before, { name: saved.name, description: saved.description });
      return saved;
    });
  },

  /** Replaces the role's grants; what the change adds must be held by the actor. */
  setGrants(ctx: RequestContext, id: string, specs: GrantSpecInput[]): Promise<Role> {
    return accessChange(ctx, async (tx) => replaceGrants(ctx, tx, await requireRole(tx, id, 'roleId'), specs, 'ROLE_GRANTS_SET'));
  },

  /**
   * Gives a standard role its standard grants back (issue 19 §8): exactly setGrants with the
   * catalog's grants of its systemKey, so the same ACCESS_MANAGE, escalation and reach rules apply.
   */
  resetStandard(ctx: RequestContext, id: string): Promise<Role> {
    return accessChange(ctx, async (tx) => {
      const role = await requireRole(tx, id, 'role');
      const spec = STANDARD_ROLES.find((s) => s.systemKey === role.systemKey);
      if (!spec) throw badInput('role', 'not a standard role; only standard roles have standard grants to restore');
      return replaceGrants(ctx, tx, role, spec.grants.map((g) => ({ ...g, warehouseIds: null })), 'ROLE_GRANTS_RESET');
    });
  },

  /**
   * A role still assigned is refused (CONFLICT) unless `removeAssignments` is true, which removes
   * its assignments in the same transaction (each audited). Standard roles are never deleted.
   */
  delete(ctx: RequestContext, id: string, removeAssignments: boolean): Promise<string> {
    return accessChange(ctx, async (tx) => {
      const role = await requireRole(tx, id, 'id');
      assertEditable(role);
      if (role.systemKey) throw forbidden('Standard roles cannot be deleted; edit their grants instead.', { reason: 'STANDARD_ROLE' });
      await assertRoleHoldersInReach(ctx, tx, role.id);
      const assignments = await tx.getRepository(RoleAssignment).find({ where: { roleId: role.id }, order: { id: 'ASC' } });
      if (assignments.length && !removeAssignments) {
        throw conflict(`The role is assigned to ${assignments.length} user(s); unassign it first or pass removeAssignments: true.`, {
          reason: 'ROLE_IN_USE', assignments: assignments.length,
        });
      }
      const grants = await grantsOfRole(tx, role.id);
      for (const a of assignments) {
        await audit(ctx, tx, 'ROLE_UNASSIGNED', AuditSubject.USER, a.userId,
          { roleId: role.id, roleName: role.name, warehouseIds: a.warehouseScope }, null);
      }
      await tx.delete(RoleAssignment, { roleId: role.id });
      await tx.delete(RoleGrant, { roleId: role.id });
      await tx.delete(Role, { id: role.id });
      await audit(ctx, tx, 'ROLE_DELETED', AuditSubject.ROLE, role.id,
        { ...roleSnapshot(role, grants), assignedUserIds: assignments.map((a) => a.userId) }, null);
      return String(role.id);
    });
  },
};
