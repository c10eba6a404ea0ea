import { nodeKindOf } from '../../services/platform/node-kinds';
import { IdKind } from '../../services/platform/opaque-ids';
import { Guard, GuardMap, RuleTree } from '../rule';
import { checkOf } from '../rule-checks';
import { authenticated } from '../rules';

/** `node(id:)` and `nodes(ids:)` themselves: any signed-in viewer; what each object shows is the Node guard's. */
export const nodeRules: RuleTree = {
  Query: { node: authenticated, nodes: authenticated },
};

/**
 * The Query field whose rule decides whether the viewer may look up objects of each kind at all:
 * the kind's own lookup, or the list it appears in when it has none (issue 18 §2: same rules).
 */
export const NODE_LOOKUPS: Record<IdKind, string> = {
  Warehouse: 'warehouse',
  Product: 'product',
  InventoryDocument: 'document',
  DocumentItem: 'document',
  StockLevel: 'stockLevels',
  StockMovement: 'movements',
  Reservation: 'reservations',
  User: 'user',
  Role: 'role',
  RoleAssignment: 'user',
  Application: 'application',
  AccessAuditEntry: 'accessAuditLog',
  InventorySettings: 'settings',
  DocumentFormLayout: 'documentFormLayout',
};

/**
 * The row guard of fields that return a Node (DESIGN §3.2): an object is shown when the viewer may
 * run its kind's lookup (that Query field's rule, from the access object alone) and passes the row
 * guard of its type (warehouses, document visibility); otherwise it is null, exactly like a missing
 * one — no error, so a node id never tells more than the lookup would.
 */
export function nodeGuard(rules: RuleTree, guards: GuardMap): Guard {
  return (access, value) => {
    const kind = nodeKindOf(value);
    if (!kind) return false;
    const lookup = checkOf(rules.Query?.[NODE_LOOKUPS[kind]]);
    if (!lookup || lookup.check(access, undefined, {}) !== null) return false;
    const guard = guards[kind];
    return guard ? guard(access, value) : true;
  };
}
