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

/**
 * What both grant sets allow (DESIGN §2 "Applications"): a request made by an application on a
 * user's behalf holds the user's grants intersected with the application's approved ones.
 * Every rule and scoped query reads only the access object, so this one function is the
 * whole enforcement.
 */
export function intersectGrants(a: Grants, b: Grants): Grants {
  const permissions = new Set([...a.permissions].filter((p) => b.permissions.has(p)));
  let reportKinds: Set<ReportKind> | null = new Set();
  if (a.hasReportView && b.hasReportView) {
    if (a.reportKinds === null) reportKinds = b.reportKinds === null ? null : new Set(b.reportKinds);
    else reportKinds = new Set([...a.reportKinds].filter((k) => b.reportKinds === null || b.reportKinds.has(k)));
  }
  // No kind in common: no REPORT_VIEW at all (rather than REPORT_VIEW on nothing).
  const hasReportView = reportKinds === null || reportKinds.size > 0;
  const documentActions = new Map<DocumentType, Set<DocumentAction>>();
  for (const [type, actions] of a.documentActions) {
    const other = b.documentActions.get(type);
    const both = new Set([...actions].filter((action) => other?.has(action)));
    if (both.size) documentActions.set(type, both);
  }
  return { permissions, warehouses: a.warehouses.intersect(b.warehouses), reportKinds, hasReportView, documentActions };
}
