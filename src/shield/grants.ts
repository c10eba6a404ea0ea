import { DocumentAction, DocumentType, Permission, ReportKind, SimplePermission } from './permission-catalog';
import { Grants } from './access';
import { WarehouseScope } from './warehouse-scope';

/** One grant row as it comes from role_grant joined with the assignment that carries it. */
export interface GrantRow {
  permission: Permission;
  documentType: DocumentType | null;
  action: DocumentAction | null;
  /** Role scope: null = ALL. */
  scope: Array<string | number> | null;
  /** Assignment narrowing of WAREHOUSE_SELECT: null = as the role says. */
  assignmentWarehouseScope: number[] | null;
}

/** Effective grants = the union over the viewer's role assignments (DESIGN §2). */
export function combineGrants(rows: GrantRow[]): Grants {
  const permissions = new Set<SimplePermission>();
  let warehouses = WarehouseScope.NONE;
  let reportKinds: Set<ReportKind> | null = new Set();
  let hasReportView = false;
  const documentActions = new Map<DocumentType, Set<DocumentAction>>();

  for (const row of rows) {
    switch (row.permission) {
      case Permission.WAREHOUSE_SELECT: {
        let scope = row.scope === null ? WarehouseScope.ALL : WarehouseScope.of(row.scope.map(Number));
        if (row.assignmentWarehouseScope !== null) scope = scope.intersect(WarehouseScope.of(row.assignmentWarehouseScope));
        warehouses = warehouses.union(scope);
        break;
      }
      case Permission.REPORT_VIEW:
        hasReportView = true;
        if (row.scope === null) reportKinds = null;
        else if (reportKinds !== null) for (const kind of row.scope) reportKinds.add(kind as ReportKind);
        break;
      case Permission.DOCUMENT:
        if (row.documentType && row.action) {
          const actions = documentActions.get(row.documentType) ?? new Set<DocumentAction>();
          actions.add(row.action);
          documentActions.set(row.documentType, actions);
        }
        break;
      default:
        permissions.add(row.permission as SimplePermission);
    }
  }
  return { permissions, warehouses, reportKinds, hasReportView, documentActions };
}
