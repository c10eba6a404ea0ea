import { RequestContext } from '../context';
import { forgetStock } from '../services/documents/stock-query.service';

/**
 * A mutation's result is read after it (issue 18 §3): the per-request loaders it may have filled
 * before the change are emptied once it ran, so its selection — and the next mutation of the same
 * operation — reads what the database holds now, whatever happened.
 */
async function after<T>(change: Promise<T>, forget: () => void): Promise<T> {
  try {
    return await change;
  } finally {
    forget();
  }
}

/** Stock: changedStockLevels, Reservation.stockLevel, reserved and available figures. */
export const afterStockChange = <T>(ctx: RequestContext, change: Promise<T>): Promise<T> => after(change, () => forgetStock(ctx));

/** Roles, grants, assignments and users: Role.members, User.assignments, RoleAssignment.user/role. */
export const afterAccessChange = <T>(ctx: RequestContext, change: Promise<T>): Promise<T> => after(change, () => {
  for (const loader of [ctx.loaders.role, ctx.loaders.roleGrants, ctx.loaders.assignmentsOfUser, ctx.loaders.assignmentsOfRole, ctx.loaders.user]) {
    loader.clearAll();
  }
});
