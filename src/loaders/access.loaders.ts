import { DataSource, In } from 'typeorm';
import { Role } from '../entities/role.entity';
import { RoleAssignment } from '../entities/role-assignment.entity';
import { RoleGrant } from '../entities/role-grant.entity';
import { byIdLoader, groupLoader } from './loader-factories';

/** Roles, their grants and assignments, batched per request (access administration, issue 4). */
export function accessLoaders(db: DataSource) {
  return {
    role: byIdLoader((ids) => db.getRepository(Role).findBy({ id: In(ids) })),
    roleGrants: groupLoader(
      (roleIds) => db.getRepository(RoleGrant).find({ where: { roleId: In(roleIds) }, order: { id: 'ASC' } }),
      (g) => g.roleId,
    ),
    assignmentsOfUser: groupLoader(
      (userIds) => db.getRepository(RoleAssignment).find({ where: { userId: In(userIds) }, order: { id: 'ASC' } }),
      (a) => a.userId,
    ),
    assignmentsOfRole: groupLoader(
      (roleIds) => db.getRepository(RoleAssignment).find({ where: { roleId: In(roleIds) }, order: { id: 'ASC' } }),
      (a) => a.roleId,
    ),
  };
}
