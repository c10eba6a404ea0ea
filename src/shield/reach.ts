import { Access, Grants, NO_GRANTS } from './access';
import { escalationsOf } from './escalation';

/**
 * Reach (issue 15 point 1, DESIGN §2 "no escalation"): an access manager acts on a user — and on a
 * role or an application, which act on every user holding or using them — only when everything
 * it holds is within the manager's own access. Deactivating the administrator, stripping another
 * admin or reactivating one are acts on access the manager does not hold, like granting it.
 *
 * Returns what `held` has beyond `actor` ([] when within reach). Warehouses the actor cannot
 * select are named only as WAREHOUSE_SELECT: their ids would tell the manager they exist.
 */
export function beyondReach(actor: Access, held: Grants): string[] {
  const beyond = escalationsOf(actor, NO_GRANTS, held)
    .map((p) => (p.startsWith('WAREHOUSE_SELECT:') && p !== 'WAREHOUSE_SELECT:ALL' ? 'WAREHOUSE_SELECT' : p));
  return [...new Set(beyond)];
}
