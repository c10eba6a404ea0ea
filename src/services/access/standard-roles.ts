import { RoleGrant } from '../../entities/role-grant.entity';
import { SystemRole } from '../../entities/role.entity';
import { toGrantRows } from './grant-spec';
import { DocumentAction, DocumentType, Permission, ReportKind } from '../../shield/permission-catalog';

/** A grant as admins and seeds express it; scopes name warehouses by key/id, null = ALL. */
export interface GrantSpec {
  permission: Permission;
  /** WAREHOUSE_SELECT: warehouse keys (seed) or ids; omitted/null = ALL. */
  warehouses?: Array<string | number> | null;
  /** REPORT_VIEW: kinds; omitted/null = ALL. */
  reportKinds?: ReportKind[] | null;
  /** DOCUMENT: the type and its actions. */
  documentType?: DocumentType;
  actions?: DocumentAction[];
}

const ALL_ACTIONS = Object.values(DocumentAction);
const documentGrants = (types: DocumentType[], actions: DocumentAction[]): GrantSpec[] =>
  types.map((documentType) => ({ permission: Permission.DOCUMENT, documentType, actions }));

/** The standard roles of DESIGN §2, seeded on first start. */
export const STANDARD_ROLES: Array<{ systemKey: SystemRole; name: string; description: string; grants: GrantSpec[] }> = [
  {
    systemKey: SystemRole.ADMINISTRATOR,
    name: 'Administrator',
    description: 'Everything, in all warehouses. Cannot be edited or deleted.',
    grants: [
      ...Object.values(Permission)
        .filter((p) => p !== Permission.DOCUMENT)
        .map((permission): GrantSpec => ({ permission })),
      ...documentGrants(Object.values(DocumentType), ALL_ACTIONS),
    ],
  },
  {
    systemKey: SystemRole.STORE_STAFF,
    name: 'Store staff',
    description: 'Catalog, inventory area, selected warehouses, reservations, sales orders (view, edit, process) with their sale prices.',
    grants: [
      { permission: Permission.CATALOG_VIEW },
      { permission: Permission.INVENTORY_VIEW },
      { permission: Permission.WAREHOUSE_SELECT },
      { permission: Permission.PRODUCT_RESERVE },
      { permission: Permission.SALES_VIEW },
      ...documentGrants([DocumentType.SALES_ORDER], [DocumentAction.VIEW, DocumentAction.EDIT, DocumentAction.PROCESS]),
    ],
  },
  {
    systemKey: SystemRole.WAREHOUSE_CLERK,
    name: 'Warehouse clerk',
    description: 'Catalog, inventory area, selected warehouses; receipts, adjustments, transfers, write-offs and inventory counts (view, edit, process).',
    grants: [
      { permission: Permission.CATALOG_VIEW },
      { permission: Permission.INVENTORY_VIEW },
      { permission: Permission.WAREHOUSE_SELECT },
      ...documentGrants(
        // A count (issue 19 §2) posts what an adjustment and a write-off would: nothing the clerk could not do already.
        [DocumentType.STOCK_RECEIPT, DocumentType.STOCK_ADJUSTMENT, DocumentType.STOCK_TRANSFER, DocumentType.WRITE_OFF, DocumentType.INVENTORY_COUNT],
        [DocumentAction.VIEW, DocumentAction.EDIT, DocumentAction.PROCESS],
      ),
    ],
  },
];

/** Grant rows of a role from its specs; `warehouseId` turns a seed's warehouse key into an id. */
export function grantRows(roleId: number, grants: GrantSpec[], warehouseId: (key: string | number) => number): RoleGrant[] {
  return toGrantRows(roleId, grants.map((g) => ({
    permission: g.permission, warehouseIds: g.warehouses ? g.warehouses.map(warehouseId) : null,
    reportKinds: g.reportKinds ?? null, documentType: g.documentType ?? null, actions: g.actions ?? [],
  })));
}
