import { SystemRole } from '../../entities/role.entity';
import { DocumentStatus } from '../../entities/inventory-document.entity';
import { DocumentAction, DocumentType, Permission, ReportKind } from '../../shield/permission-catalog';
import { SeedSpec } from './seed.service';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

const COLOURS = ['powder pink', 'navy', 'white', 'sage green'];

/** ~30 everyday products; the dress has colour variants (DESIGN §1). */
const products: NonNullable<SeedSpec['products']> = [
  { key: 'dress', sku: 'DRESS-COTTON', name: 'One size cotton dress', purchasePrice: '18.50', salePrice: '49.90' },
  ...COLOURS.map((colour) => ({
    key: `dress-${colour}`, sku: `DRESS-COTTON-${colour.toUpperCase().replace(/ /g, '-')}`,
    name: `One size cotton dress ${colour}`, parent: 'dress', attributes: { colour }, purchasePrice: '18.50', salePrice: '49.90',
  })),
  ...[
    ['tee-white', 'Basic T-shirt white', '4.20', '14.90'], ['tee-black', 'Basic T-shirt black', '4.20', '14.90'],
    ['hoodie', 'Zip hoodie grey', '15.00', '39.90'], ['jeans-slim', 'Slim jeans', '21.00', '59.00'],
    ['jeans-wide', 'Wide jeans', '22.00', '62.00'], ['scarf', 'Wool scarf', '7.80', '24.00'],
    ['cap', 'Baseball cap', '3.10', '12.50'], ['socks', 'Sport socks (3 pairs)', '2.40', '8.90'],
    ['belt', 'Leather belt', '9.60', '29.00'], ['bag', 'Canvas tote bag', '3.90', '15.00'],
    ['sneakers', 'Canvas sneakers', '17.40', '55.00'], ['boots', 'Chelsea boots', '34.00', '99.00'],
    ['raincoat', 'Raincoat yellow', '19.90', '65.00'], ['shirt', 'Oxford shirt', '11.30', '39.00'],
    ['skirt', 'Pleated skirt', '10.10', '34.00'], ['gloves', 'Knitted gloves', '3.30', '11.00'],
    ['beanie', 'Beanie hat', '2.90', '10.00'], ['shorts', 'Chino shorts', '8.70', '27.00'],
    ['pyjama', 'Flannel pyjama', '12.40', '36.00'], ['swimsuit', 'Swimsuit', '9.90', '32.00'],
    ['umbrella', 'Pocket umbrella', '4.50', '16.00'], ['wallet', 'Card wallet', '5.20', '19.00'],
    ['sunglasses', 'Sunglasses', '6.10', '25.00'], ['watch', 'Analog watch', '28.00', '89.00'],
    ['backpack', 'Day backpack', '16.60', '49.00'],
  ].map(([key, name, purchasePrice, salePrice]) => ({ key, sku: key.toUpperCase(), name, purchasePrice, salePrice })),
];

const receiptLines = (warehouse: string, keys: string[], quantity: string) =>
  keys.map((product) => ({ product, quantity, price: products.find((p) => p.key === product)!.purchasePrice!, to: warehouse }));

/**
 * The demo company (issue 2 §9): an online-store warehouse and a retail-store warehouse,
 * the standard roles, a sales team, a clerk per warehouse, a supervisor who sees all
 * warehouses and reports and may edit warehouses and the form and cancel documents, and processed documents so stock is not empty.
 */
export const DEMO_DATA: SeedSpec = {
  standardRoles: true,
  warehouses: [
    { key: 'online', code: 'ONLINE', name: 'Online store warehouse', address: '1 Fulfilment Way', isDefault: true },
    { key: 'retail', code: 'RETAIL', name: 'Retail store', address: '12 High Street' },
  ],
  products,
  roles: [
    {
      key: 'sales', name: 'Sales team', description: 'Sells from every warehouse: sales orders, reservations, the sales report.',
      grants: [
        { permission: Permission.CATALOG_VIEW }, { permission: Permission.INVENTORY_VIEW },
        { permission: Permission.WAREHOUSE_SELECT }, { permission: Permission.PRODUCT_RESERVE },
        { permission: Permission.REPORT_VIEW, reportKinds: [ReportKind.SALES] },
        { permission: Permission.DOCUMENT, documentType: DocumentType.SALES_ORDER,
          actions: [DocumentAction.VIEW, DocumentAction.EDIT, DocumentAction.PROCESS] },
      ],
    },
    {
      // The seed's supervisor recipe (DESIGN §2): edit warehouses, edit forms, cancel processing —
      // and, to find what to cancel, see every warehouse, document, purchase price and report.
      key: 'supervisor', name: 'Supervisor',
      description: 'Sees all warehouses, documents, purchase prices and reports; edits warehouses and the document form; cancels processed documents.',
      grants: [
        { permission: Permission.CATALOG_VIEW }, { permission: Permission.PURCHASE_PRICE_VIEW },
        { permission: Permission.INVENTORY_VIEW }, { permission: Permission.WAREHOUSE_SELECT },
        { permission: Permission.WAREHOUSE_EDIT }, { permission: Permission.FORM_EDIT },
        { permission: Permission.REPORT_VIEW },
        ...Object.values(DocumentType).map((documentType) => ({
          permission: Permission.DOCUMENT, documentType, actions: [DocumentAction.VIEW, DocumentAction.CANCEL],
        })),
      ],
    },
  ],
  users: [
    { key: 'admin', login: 'admin', name: 'Ada Admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
    { key: 'victor', login: 'victor', name: 'Victor Supervisor', roles: [{ role: 'supervisor' }] },
    { key: 'sam', login: 'sam', name: 'Sam Sales', roles: [{ role: 'sales' }] },
    { key: 'anna', login: 'anna', name: 'Anna Online-Clerk', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['online'] }] },
    { key: 'rick', login: 'rick', name: 'Rick Retail-Clerk', roles: [{ role: SystemRole.WAREHOUSE_CLERK, warehouses: ['retail'] }] },
    { key: 'sofia', login: 'sofia', name: 'Sofia Store-Staff', roles: [{ role: SystemRole.STORE_STAFF, warehouses: ['retail'] }] },
  ],
  documents: [
    {
      key: 'initial-online', type: DocumentType.STOCK_ADJUSTMENT, title: 'Opening stock, online', author: 'anna', at: daysAgo(40),
      items: receiptLines('online', products.filter((p) => !p.parent && p.key !== 'dress').map((p) => p.key), '40'),
    },
    {
      key: 'receipt-dresses', type: DocumentType.STOCK_RECEIPT, title: 'Dresses from the supplier, both stores',
      author: 'admin', at: daysAgo(30),
      items: [...receiptLines('online', COLOURS.map((c) => `dress-${c}`), '30'), ...receiptLines('retail', COLOURS.map((c) => `dress-${c}`), '10')],
    },
    {
      key: 'receipt-retail', type: DocumentType.STOCK_RECEIPT, title: 'Retail restock', author: 'rick', at: daysAgo(25),
      items: receiptLines('retail', ['tee-white', 'tee-black', 'jeans-slim', 'scarf', 'cap', 'sneakers'], '20'),
    },
    {
      key: 'transfer', type: DocumentType.STOCK_TRANSFER, title: 'Hoodies to the store', author: 'anna', at: daysAgo(20),
      items: [{ product: 'hoodie', quantity: '12', price: '15.00', from: 'online', to: 'retail' }],
    },
    {
      key: 'sale-online', type: DocumentType.SALES_ORDER, title: 'Web orders', author: 'sam', at: daysAgo(10), dealRef: 'WEB-1001',
      items: [
        { product: 'dress-powder pink', quantity: '5', price: '18.50', from: 'online' },
        { product: 'tee-white', quantity: '8', price: '4.20', from: 'online' },
      ],
    },
    {
      key: 'sale-retail', type: DocumentType.SALES_ORDER, title: 'Store sales', author: 'sofia', at: daysAgo(5),
      items: [{ product: 'sneakers', quantity: '3', price: '17.40', from: 'retail' }, { product: 'hoodie', quantity: '2', price: '15.00', from: 'retail' }],
    },
    {
      key: 'write-off', type: DocumentType.WRITE_OFF, title: 'Damaged in transit', author: 'anna', at: daysAgo(3),
      items: [{ product: 'umbrella', quantity: '2', price: '4.50', from: 'online' }],
    },
    {
      key: 'draft-receipt', type: DocumentType.STOCK_RECEIPT, status: DocumentStatus.DRAFT, title: 'Next supplier delivery', author: 'rick',
      items: receiptLines('retail', ['boots', 'raincoat'], '6'),
    },
  ],
};
