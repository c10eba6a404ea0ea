import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentAction, DocumentType, Permission } from '../../src/shield/permission-catalog';
import { TestApi } from '../support/api';

/**
 * Two warehouses, the standard roles, a full administrator, a local admin who manages access but
 * holds only warehouse A and a few permissions (the Warehouse clerk's document actions among them), and users without roles to administer.
 */
export const ADMIN_SPEC: SeedSpec = {
  standardRoles: true,
  warehouses: [{ key: 'A', name: 'Alpha' }, { key: 'B', name: 'Beta' }],
  roles: [
    {
      key: 'localAdmin', name: 'Local admin', grants: [
        { permission: Permission.ACCESS_MANAGE }, { permission: Permission.CATALOG_VIEW }, { permission: Permission.INVENTORY_VIEW },
        { permission: Permission.WAREHOUSE_SELECT, warehouses: ['A'] },
        { permission: Permission.DOCUMENT, documentType: DocumentType.STOCK_RECEIPT, actions: [DocumentAction.VIEW, DocumentAction.EDIT, DocumentAction.PROCESS] },
        { permission: Permission.DOCUMENT, documentType: DocumentType.STOCK_ADJUSTMENT, actions: [DocumentAction.VIEW, DocumentAction.EDIT, DocumentAction.PROCESS] },
        { permission: Permission.DOCUMENT, documentType: DocumentType.STOCK_TRANSFER, actions: [DocumentAction.VIEW, DocumentAction.EDIT, DocumentAction.PROCESS] },
        { permission: Permission.DOCUMENT, documentType: DocumentType.WRITE_OFF, actions: [DocumentAction.VIEW, DocumentAction.EDIT, DocumentAction.PROCESS] },
        { permission: Permission.DOCUMENT, documentType: DocumentType.INVENTORY_COUNT, actions: [DocumentAction.VIEW, DocumentAction.EDIT, DocumentAction.PROCESS] },
      ],
    },
    { key: 'catalogOnly', name: 'Catalog reader', grants: [{ permission: Permission.CATALOG_VIEW }] },
  ],
  users: [
    { key: 'admin', name: 'Ada Admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'local', name: 'Luke Local', roles: [{ role: 'localAdmin' }] },
    { key: 'anna', name: 'Anna', roles: [] },
    { key: 'bob', name: 'Bob', roles: [] },
  ],
};

/** An id as the API takes it (the helpers in support/api.ts give opaque ones). */
export const id = (n: string) => n;

/** The audit entries of a subject, newest last. */
export async function auditOf(api: TestApi, subjectType: 'ROLE' | 'USER', subjectId: string) {
  const res = await api.gql('admin', `query($t: String, $s: ID) { accessAuditLog(first: 200, subjectType: $t, subjectId: $s) {
    nodes { action subjectType subjectId before after actor { login } at } } }`, { t: subjectType, s: id(subjectId) });
  expect(res.errors).toBeUndefined();
  return res.data.accessAuditLog.nodes as Array<{ action: string; before: any; after: any; actor: { login: string } | null }>;
}

/** The warehouse codes `login` can see right now (a new request each time). */
export async function warehousesOf(api: TestApi, login: string): Promise<string[]> {
  const res = await api.gql(login, '{ viewer { warehouses { code } } }');
  expect(res.errors).toBeUndefined();
  return res.data.viewer.warehouses.map((w: { code: string }) => w.code);
}
