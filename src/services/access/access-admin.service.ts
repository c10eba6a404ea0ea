import { EntityManager } from 'typeorm';
import { RequestContext } from '../../context';
import { Role, SystemRole } from '../../entities/role.entity';
import { RoleGrant } from '../../entities/role-grant.entity';
import { Settings } from '../../entities/settings.entity';
import { User } from '../../entities/user.entity';
import { badInput, DomainError, forbidden } from '../../errors';
import { Grants, NO_GRANTS } from '../../shield/access';
import { escalationsOf } from '../../shield/escalation';
import { Permission } from '../../shield/permission-catalog';
import { recordAudit } from './audit.service';
import { effectiveGrants, fromGrantRows, GrantSpecInput, ValidGrant, validateGrantSpecs } from './grant-spec';
import { parseId } from '../platform/ids';
import { inTransaction } from '../platform/transaction';

/** What the audit log names as subjects of access changes. */
export enum AuditSubject {
  ROLE = 'ROLE',
  USER = 'USER',
  APPLICATION = 'APPLICATION',
}

/**
 * Every access change runs here: one transaction that first takes the access-admin lock (the
 * settings row, FOR UPDATE on MySQL/MariaDB; queued in-process on SQLite), so two admins
 * cannot each remove "one of the two" last managers; after the change, at least one active
 * user must still hold ACCESS_MANAGE, else everything rolls back (DESIGN §2).
 */
export async function accessChange<T>(ctx: RequestContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return inTransaction(ctx.db, async (tx) => {
    const lock = tx.getRepository(Settings).createQueryBuilder('s').where('s.id = 1');
    if (tx.connection.options.type === 'mysql') lock.setLock('pessimistic_write');
    await lock.getOne();
    const result = await work(tx);
    if ((await countAccessManagers(tx)) === 0) {
      throw new DomainError('CONFLICT', 'This change would leave no active user holding ACCESS_MANAGE; it was not applied.', {
        reason: 'LAST_ACCESS_MANAGER',
      });
    }
    return result;
  });
}

/** Active users holding ACCESS_MANAGE through any assignment. */
export async function countAccessManagers(tx: EntityManager): Promise<number> {
  const row = await tx.createQueryBuilder()
    .select('COUNT(DISTINCT u.id)', 'n')
    .from('app_user', 'u')
    .innerJoin('role_assignment', 'a', 'a.userId = u.id')
    .innerJoin('role_grant', 'g', 'g.roleId = a.roleId')
    .where('u.active = :active', { active: true })
    .andWhere('g.permission = :p', { p: Permission.ACCESS_MANAGE })
    .getRawOne<{ n: string | number }>();
  return Number(row?.n ?? 0);
}

/** FORBIDDEN, naming what the actor does not hold, when a change would grant more than they have. */
export function assertNoEscalation(ctx: RequestContext, before: Grants, after: Grants): void {
  const beyond = escalationsOf(ctx.access, before, after);
  if (beyond.length) {
    throw forbidden(`You can only grant what you hold yourself; you do not hold ${beyond.join(', ')}.`, {
      reason: 'ESCALATION', permission: beyond[0], notHeld: beyond,
    });
  }
}

/**
 * Validates grant specs against the catalog and the existing warehouses (BAD_USER_INPUT naming the
 * field), then against the actor's own access for what they add over `before` (FORBIDDEN).
 * Used by roles here and meant for applications' requested permissions (issue 10).
 */
export async function validateGrantsWithinAccess(ctx: RequestContext, tx: EntityManager, specs: GrantSpecInput[],
  options: { field?: string; before?: ValidGrant[] } = {}): Promise<ValidGrant[]> {
  const grants = await validateGrantSpecs(tx, specs, options.field);
  assertNoEscalation(ctx, options.before ? effectiveGrants(options.before) : NO_GRANTS, effectiveGrants(grants));
  return grants;
}

export const audit = (ctx: RequestContext, tx: EntityManager, action: string, subjectType: AuditSubject, subjectId: number,
  before: unknown, after: unknown) =>
  recordAudit(tx, { actorId: ctx.access.userId, action, subjectType, subjectId, before, after });

/** A role id argument that must name an existing role. */
export async function requireRole(tx: EntityManager, id: string | number, field: string): Promise<Role> {
  const key = parseId(id);
  const role = key === null ? null : await tx.getRepository(Role).findOneBy({ id: key });
  if (!role) throw badInput(field, 'no role with this id');
  return role;
}

export async function requireUser(tx: EntityManager, id: string | number, field: string): Promise<User> {
  const key = parseId(id);
  const user = key === null ? null : await tx.getRepository(User).findOneBy({ id: key });
  if (!user) throw badInput(field, 'no user with this id');
  return user;
}

export function assertEditable(role: Role): void {
  if (role.systemKey === SystemRole.ADMINISTRATOR) {
    throw forbidden('The Administrator role can be neither edited nor deleted.', { reason: 'ADMINISTRATOR_ROLE' });
  }
}

export async function grantsOfRole(tx: EntityManager, roleId: number): Promise<ValidGrant[]> {
  return fromGrantRows(await tx.getRepository(RoleGrant).find({ where: { roleId }, order: { id: 'ASC' } }));
}

/** How a role appears in the audit log. */
export const roleSnapshot = (role: Role, grants: ValidGrant[]) =>
  ({ id: role.id, name: role.name, description: role.description, systemKey: role.systemKey, grants });
