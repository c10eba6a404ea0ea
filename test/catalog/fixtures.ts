import { SystemRole } from '../../src/entities/role.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { Permission } from '../../src/shield/permission-catalog';

/**
 * The cast of the management tests: an administrator, a warehouse editor who can select
 * only warehouse A, catalog editors with and without PURCHASE_PRICE_VIEW, an inventory clerk,
 * editors of settings and forms without anything else, and a user without roles.
 */
export function managementSpec(extra: Pick<SeedSpec, 'warehouses' | 'products' | 'documents'> = {}): SeedSpec {
  return {
    standardRoles: true,
    warehouses: [{ key: 'A', name: 'Alpha', isDefault: true }, { key: 'B', name: 'Beta' }, ...(extra.warehouses ?? [])],
    products: extra.products,
    roles: [
      { key: 'warehouseEditorA', grants: [{ permission: Permission.WAREHOUSE_EDIT }, { permission: Permission.WAREHOUSE_SELECT, warehouses: ['A'] }] },
      { key: 'catalogEditor', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.CATALOG_EDIT }] },
      { key: 'pricingEditor', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.CATALOG_EDIT },
        { permission: Permission.PURCHASE_PRICE_VIEW }] },
      { key: 'clerk', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.INVENTORY_VIEW },
        { permission: Permission.WAREHOUSE_SELECT, warehouses: ['A'] }] },
      { key: 'settingsEditor', grants: [{ permission: Permission.SETTINGS_EDIT }] },
      { key: 'formEditor', grants: [{ permission: Permission.FORM_EDIT }] },
    ],
    users: [
      { key: 'admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
      { key: 'editorA', roles: [{ role: 'warehouseEditorA' }] },
      { key: 'catalog', roles: [{ role: 'catalogEditor' }] },
      { key: 'pricing', roles: [{ role: 'pricingEditor' }] },
      { key: 'clerk', roles: [{ role: 'clerk' }] },
      { key: 'settings', roles: [{ role: 'settingsEditor' }] },
      { key: 'forms', roles: [{ role: 'formEditor' }] },
      { key: 'nobody', roles: [] },
    ],
    documents: extra.documents,
  };
}

/** The first error's extensions, for compact assertions on typed errors. */
export const firstError = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions ?? {};
