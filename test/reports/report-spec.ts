import { DocumentStatus } from '../../src/entities/inventory-document.entity';
import { SeedSpec } from '../../src/services/demo/seed.service';
import { DocumentType, Permission, ReportKind } from '../../src/shield/permission-catalog';

const at = (iso: string) => new Date(iso);

/**
 * Three warehouses and a closed month (March 2025) with every kind of movement, hand-computed
 * in report-ledger.test.ts. "Navy" and "Powder pink" are variants of "Cotton dress" and match
 * a search for it only through their parent.
 */
export const LEDGER_SPEC: SeedSpec = {
  warehouses: [{ key: 'A', code: 'A' }, { key: 'B', code: 'B' }, { key: 'C', code: 'C' }],
  products: [
    { key: 'dress', sku: 'DRESS', name: 'Cotton dress' },
    { key: 'pink', sku: 'DRESS-PINK', name: 'Powder pink', parent: 'dress' },
    { key: 'blue', sku: 'DRESS-BLUE', name: 'Navy', parent: 'dress' },
    { key: 'plain', sku: 'PLAIN', name: 'Plain bag' },
    { key: 'tiny', sku: 'TINY', name: 'Tiny button' },
  ],
  roles: [
    { key: 'all', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.WAREHOUSE_SELECT },
      { permission: Permission.REPORT_VIEW }] },
    { key: 'reporterA', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.WAREHOUSE_SELECT, warehouses: ['A'] },
      { permission: Permission.REPORT_VIEW }] },
    { key: 'blind', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.REPORT_VIEW }] },
    { key: 'mover', grants: [{ permission: Permission.CATALOG_VIEW }, { permission: Permission.WAREHOUSE_SELECT },
      { permission: Permission.REPORT_VIEW, reportKinds: [ReportKind.MOVEMENT] }] },
  ],
  users: [
    { key: 'boss', roles: [{ role: 'all' }] },
    { key: 'reporterA', roles: [{ role: 'reporterA' }] },
    { key: 'blind', roles: [{ role: 'blind' }] },
    { key: 'mover', roles: [{ role: 'mover' }] },
  ],
  documents: [
    { key: 'opening', type: DocumentType.STOCK_ADJUSTMENT, author: 'boss', at: at('2025-02-20T10:00:00Z'),
      items: [{ product: 'plain', quantity: '10', price: '2.5', to: 'A' }, { product: 'pink', quantity: '4', price: '18.5', to: 'A' }] },
    { key: 'receipt', type: DocumentType.STOCK_RECEIPT, author: 'boss', at: at('2025-03-03T08:00:00Z'),
      items: [{ product: 'pink', quantity: '6', price: '18.5', to: 'A' }, { product: 'blue', quantity: '5', price: '18.5', to: 'A' },
        { product: 'plain', quantity: '8', price: '2.5', to: 'B' }] },
    { key: 'receipt-c', type: DocumentType.STOCK_RECEIPT, author: 'boss', at: at('2025-03-05T12:00:00Z'),
      items: [{ product: 'plain', quantity: '100', price: '1.3333', to: 'C' }] },
    // 0.1 + 0.2: a floating-point SUM gives 0.30000000000000004.
    { key: 'buttons', type: DocumentType.STOCK_RECEIPT, author: 'boss', at: at('2025-03-07T12:00:00Z'),
      items: [{ product: 'tiny', quantity: '1', price: '0.1', to: 'B' }, { product: 'tiny', quantity: '1', price: '0.2', to: 'B' }] },
    { key: 'transfer', type: DocumentType.STOCK_TRANSFER, author: 'boss', at: at('2025-03-10T09:00:00Z'),
      items: [{ product: 'plain', quantity: '3', price: '2.5', from: 'A', to: 'B' }] },
    { key: 'sale', type: DocumentType.SALES_ORDER, author: 'boss', at: at('2025-03-15T15:00:00Z'),
      items: [{ product: 'pink', quantity: '2', price: '18.5', from: 'A' }, { product: 'plain', quantity: '1', price: '2.5', from: 'B' }] },
    { key: 'cancelled-sale', type: DocumentType.SALES_ORDER, status: DocumentStatus.CANCELLED, author: 'boss',
      at: at('2025-03-20T15:00:00Z'), cancelledAt: at('2025-03-22T09:00:00Z'),
      items: [{ product: 'blue', quantity: '1', price: '18.5', from: 'A' }] },
    { key: 'late-sale', type: DocumentType.SALES_ORDER, author: 'boss', at: at('2025-03-25T15:00:00Z'),
      items: [{ product: 'blue', quantity: '2', price: '18.5', from: 'A' }] },
    // The last millisecond of the period counts; the first of the next day does not.
    { key: 'write-off', type: DocumentType.WRITE_OFF, author: 'boss', at: at('2025-03-31T23:59:59.999Z'),
      items: [{ product: 'plain', quantity: '1', price: '2.5', from: 'A' }] },
    { key: 'april', type: DocumentType.STOCK_RECEIPT, author: 'boss', at: at('2025-04-01T00:00:00.000Z'),
      items: [{ product: 'plain', quantity: '5', price: '2.5', to: 'A' }] },
    { key: 'draft', type: DocumentType.STOCK_RECEIPT, status: DocumentStatus.DRAFT, author: 'boss',
      items: [{ product: 'pink', quantity: '7', price: '18.5', to: 'A' }] },
  ],
};

export const MARCH = { from: '2025-03-01', to: '2025-03-31' };
