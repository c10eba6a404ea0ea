import { encodeId } from '../services/platform/opaque-ids';
import { Access, Grants } from './access';
import { DocumentAction, DocumentType, ReportKind, SimplePermission } from './permission-catalog';

/**
 * No escalation (DESIGN §2): what a change ADDS to a role or an assignment — `after` minus
 * `before` — must be held by the acting admin. Returns what the actor would grant without
 * holding it, e.g. ["PURCHASE_PRICE_VIEW", "WAREHOUSE_SELECT:2", "DOCUMENT:WRITE_OFF:CANCEL"];
 * empty when the change is allowed. Grants that stay as they were are not re-checked, so an
 * admin may edit a role that already holds more than they do without widening it.
 */
export function escalationsOf(actor: Access, before: Grants, after: Grants): string[] {
  const out: string[] = [];
  for (const p of after.permissions) {
    if (!before.permissions.has(p) && !actor.has(p as SimplePermission)) out.push(p);
  }

  const aw = after.warehouses;
  const bw = before.warehouses;
  if (aw.all && !bw.all && !actor.warehouses.all) out.push('WAREHOUSE_SELECT:ALL');
  if (!aw.all) for (const id of aw.list()) if (!bw.has(id) && !actor.canSelectWarehouse(id)) out.push(`WAREHOUSE_SELECT:${encodeId('Warehouse', id)}`);

  if (after.hasReportView) {
    const beforeAll = before.hasReportView && before.reportKinds === null;
    if (after.reportKinds === null) {
      if (!beforeAll && !(actor.grants.hasReportView && actor.grants.reportKinds === null)) out.push('REPORT_VIEW:ALL');
    } else {
      for (const kind of [...after.reportKinds].sort()) {
        const had = before.hasReportView && (before.reportKinds === null || before.reportKinds.has(kind));
        if (!had && !actor.canReport(kind as ReportKind)) out.push(`REPORT_VIEW:${kind}`);
      }
    }
  }

  for (const [type, actions] of after.documentActions) {
    for (const action of actions) {
      const had = before.documentActions.get(type)?.has(action) ?? false;
      if (!had && !actor.canDocument(type as DocumentType, action as DocumentAction)) out.push(`DOCUMENT:${type}:${action}`);
    }
  }
  return out;
}
