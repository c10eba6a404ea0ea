import { need, needsAll } from '../requirement';
import { authenticated, canSelect, rowGuard, visibleWithParent } from '../rules';
import { GuardMap, RuleTree } from '../rule';

/** Warehouses are visible exactly as far as WAREHOUSE_SELECT reaches (DESIGN §2, §3.1–3.3). */
export const warehouseRules: RuleTree = {
  Query: {
    warehouses: authenticated,
    warehouse: authenticated,
  },
  Warehouse: visibleWithParent('id', 'code', 'name', 'address', 'isDefault', 'active'),
};

export const warehouseGuards: GuardMap = {
  Warehouse: rowGuard(needsAll(need('WAREHOUSE_SELECT:<it>', 'WAREHOUSE_SELECT on it')), (access, warehouse: { id: number }) => canSelect(access, warehouse.id)),
};
