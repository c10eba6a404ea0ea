import { EntityManager } from 'typeorm';
import { RequestContext } from '../../context';
import { RoleAssignment } from '../../entities/role-assignment.entity';
import { User } from '../../entities/user.entity';
import { forbidden } from '../../errors';
import { Grants } from '../../shield/access';
import { loadUserGrants } from '../../shield/access.loader';
import { beyondReach } from '../../shield/reach';
import { encodeId } from '../platform/opaque-ids';

/**
 * The reach checks of the access admin mutations (issue 15 point 1; the rule is
 * src/shield/reach.ts). Each runs inside accessChange, under the access-admin lock, so what it
 * reads cannot change before the mutation writes.
 */
export function assertInReach(ctx: RequestContext, held: Grants, subject: string): void {
  const beyond = beyondReach(ctx.access, held);
  if (beyond.length) {
    throw forbidden(`${subject} holds access you do not hold (${beyond.join(', ')}); you can only manage what is within your own access.`, {
      reason: 'OUT_OF_REACH', permission: beyond[0], notHeld: beyond,
    });
  }
}

/** Everything the user holds, active or not (reactivating gives it back), must be within the actor's access. */
export async function assertUserInReach(ctx: RequestContext, tx: EntityManager, user: User): Promise<void> {
  assertInReach(ctx, await loadUserGrants(tx, user.id), `User ${user.login}`);
}

/** Editing or deleting a role changes every holder's access: each holder must be within reach. */
export async function assertRoleHoldersInReach(ctx: RequestContext, tx: EntityManager, roleId: number): Promise<void> {
  const holders = await tx.getRepository(RoleAssignment).find({ where: { roleId }, order: { userId: 'ASC' } });
  for (const userId of new Set(holders.map((a) => a.userId))) {
    assertInReach(ctx, await loadUserGrants(tx, userId), `User ${encodeId('User', userId)}, who holds this role,`);
  }
}
