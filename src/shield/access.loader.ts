import { DataSource } from 'typeorm';
import { User } from '../entities/user.entity';
import { Access } from './access';
import { combineGrants, GrantRow } from './grants';

/**
 * Builds the per-request access object in two statements (the user, then all grants
 * of all their assignments in one join), whatever the number of roles. Nothing is
 * cached across requests, so an admin's change applies on the very next request on
 * every instance (issue 4).
 */
export async function loadAccess(db: DataSource, login: string): Promise<Access | null> {
  const user = await db.getRepository(User).findOne({ where: { login } });
  if (!user || !user.active) return null;
  const rows: Array<Omit<GrantRow, 'scope' | 'assignmentWarehouseScope'> & { scope: string | null; assignmentScope: string | null }> =
    await db
      .createQueryBuilder()
      .select(['g.permission AS permission', 'g.documentType AS documentType', 'g.action AS action', 'g.scope AS scope',
        'a.warehouseScope AS assignmentScope'])
      .from('role_assignment', 'a')
      .innerJoin('role_grant', 'g', 'g.roleId = a.roleId')
      .where('a.userId = :userId', { userId: user.id })
      .getRawMany();
  const grants = combineGrants(
    rows.map((r) => ({
      permission: r.permission,
      documentType: r.documentType,
      action: r.action,
      scope: r.scope === null ? null : JSON.parse(r.scope),
      assignmentWarehouseScope: r.assignmentScope === null ? null : JSON.parse(r.assignmentScope),
    })),
  );
  return new Access(user, grants);
}
