import { EntityManager } from 'typeorm';
import { Role, SystemRole } from '../../entities/role.entity';
import { RoleGrant } from '../../entities/role-grant.entity';
import { grantRows, STANDARD_ROLES } from './standard-roles';

/**
 * Creates the standard roles that do not exist yet (by systemKey), with their default grants;
 * roles that exist are left as admins edited them. Runs on every start (database.ts), so the
 * roles exist from the first start on any database, and by the seed (standardRoles: true).
 */
export async function ensureStandardRoles(tx: EntityManager): Promise<Record<SystemRole, number>> {
  const ids = {} as Record<SystemRole, number>;
  for (const spec of STANDARD_ROLES) {
    let role = await tx.getRepository(Role).findOneBy({ systemKey: spec.systemKey });
    if (!role) {
      role = await tx.save(Role, tx.create(Role, { name: spec.name, description: spec.description, systemKey: spec.systemKey }));
      await tx.save(RoleGrant, grantRows(role.id, spec.grants, () => {
        throw new Error('standard roles name no warehouses');
      }));
    }
    ids[spec.systemKey] = role.id;
  }
  return ids;
}
