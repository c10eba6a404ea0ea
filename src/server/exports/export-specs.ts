/**
 * What each CSV export is (issue 19 §7): a GraphQL operation of the public schema, the path to
 * its list, and the columns read from each row. Exports run these operations through Apollo
 * with the caller's access, so field rules and row guards apply exactly as to the same query:
 * a field denied by a rule is an empty cell, a hidden row is absent.
 */
export interface Column {
  header: string;
  /** Dotted path into the row ("product.sku"); a missing or null value is an empty cell. */
  path: string;
  /** Text cells are guarded against spreadsheet formulas (csv-export.ts); numbers are not. */
  text?: boolean;
}

export interface ExportSpec {
  /** The operation; paged ones take $first and $after and return a connection. */
  query: string;
  /** Query parameters the export accepts, mapped onto the operation's variables. */
  params: Record<string, 'string' | 'list' | 'boolean'>;
  /** Path from `data` to the list (for a connection: the connection, whose `nodes` are read). */
  list: string;
  paged: boolean;
  /** Rows of one list item: one, or one per document line. */
  rows?: (item: Record<string, unknown>) => Array<Record<string, unknown>>;
  columns: Column[];
}

const amount = (prefix: string, header: string): Column[] => [
  { header: `${header} quantity`, path: `${prefix}.quantity` }, { header: `${header} value`, path: `${prefix}.value` },
];

export const EXPORTS: Record<string, ExportSpec> = {
  'stock-levels': {
    query: `query StockLevelsExport($first: Int!, $after: String, $warehouseId: ID, $productId: ID) {
      stockLevels(first: $first, after: $after, warehouseId: $warehouseId, productId: $productId) {
        nodes { warehouse { code name } product { sku name unit purchasePrice } quantity reserved available }
        pageInfo { hasNextPage endCursor } } }`,
    params: { warehouseId: 'string', productId: 'string' },
    list: 'stockLevels',
    paged: true,
    columns: [
      { header: 'Warehouse', path: 'warehouse.code', text: true }, { header: 'Warehouse name', path: 'warehouse.name', text: true },
      { header: 'SKU', path: 'product.sku', text: true }, { header: 'Product', path: 'product.name', text: true },
      { header: 'Unit', path: 'product.unit', text: true }, { header: 'Purchase price', path: 'product.purchasePrice' },
      { header: 'Quantity', path: 'quantity' }, { header: 'Reserved', path: 'reserved' }, { header: 'Available', path: 'available' },
    ],
  },
  documents: {
    query: `query DocumentsExport($first: Int!, $after: String, $type: DocumentType, $status: DocumentStatus, $from: DateTimeISO, $to: DateTimeISO, $warehouseId: ID) {
      documents(first: $first, after: $after, type: $type, status: $status, from: $from, to: $to, warehouseId: $warehouseId) {
        nodes { number type status title dealRef documentDate supplier incomingNumber incomingDate createdAt processedAt cancelledAt author { login }
          items { product { sku name } quantity purchasePrice fromWarehouse { code } toWarehouse { code } bookQuantity difference } }
        pageInfo { hasNextPage endCursor } } }`,
    params: { type: 'string', status: 'string', from: 'string', to: 'string', warehouseId: 'string' },
    list: 'documents',
    paged: true,
    // One row per visible line; a document without visible lines is one row with empty line cells.
    rows: (doc) => {
      const items = (doc.items as Array<Record<string, unknown>> | null) ?? [];
      return items.length === 0 ? [{ doc }] : items.map((item) => ({ doc, item }));
    },
    columns: [
      { header: 'Number', path: 'doc.number', text: true }, { header: 'Type', path: 'doc.type' }, { header: 'Status', path: 'doc.status' },
      { header: 'Title', path: 'doc.title', text: true }, { header: 'Deal', path: 'doc.dealRef', text: true },
      { header: 'Document date', path: 'doc.documentDate' }, { header: 'Supplier', path: 'doc.supplier', text: true },
      { header: 'Incoming number', path: 'doc.incomingNumber', text: true }, { header: 'Incoming date', path: 'doc.incomingDate' },
      { header: 'Created at', path: 'doc.createdAt' }, { header: 'Processed at', path: 'doc.processedAt' },
      { header: 'Cancelled at', path: 'doc.cancelledAt' }, { header: 'Author', path: 'doc.author.login', text: true },
      { header: 'SKU', path: 'item.product.sku', text: true }, { header: 'Product', path: 'item.product.name', text: true },
      { header: 'Quantity', path: 'item.quantity' }, { header: 'Purchase price', path: 'item.purchasePrice' },
      { header: 'From warehouse', path: 'item.fromWarehouse.code', text: true }, { header: 'To warehouse', path: 'item.toWarehouse.code', text: true },
      // An inventory count's line (issue 19 §2): Quantity is what was counted.
      { header: 'Book quantity', path: 'item.bookQuantity' }, { header: 'Difference', path: 'item.difference' },
    ],
  },
  products: {
    query: `query ProductsExport($first: Int!, $after: String, $search: String, $includeArchived: Boolean! = false) {
      products(first: $first, after: $after, search: $search, includeArchived: $includeArchived) {
        nodes { sku name unit purchasePrice salePrice archived parent { sku } quantity available }
        pageInfo { hasNextPage endCursor } } }`,
    params: { search: 'string', includeArchived: 'boolean' },
    list: 'products',
    paged: true,
    columns: [
      { header: 'SKU', path: 'sku', text: true }, { header: 'Name', path: 'name', text: true }, { header: 'Unit', path: 'unit', text: true },
      { header: 'Purchase price', path: 'purchasePrice' }, { header: 'Sale price', path: 'salePrice' }, { header: 'Archived', path: 'archived' },
      { header: 'Parent SKU', path: 'parent.sku', text: true }, { header: 'Quantity', path: 'quantity' }, { header: 'Available', path: 'available' },
    ],
  },
  'inventory-report': {
    query: `query InventoryReportExport($from: Date!, $to: Date!, $warehouseIds: [ID!], $productSearch: String) {
      inventoryReport(from: $from, to: $to, warehouseIds: $warehouseIds, productSearch: $productSearch) {
        movement { warehouses { warehouse { code name } opening { quantity value } received { quantity value }
          transfersIn { quantity value } shipped { quantity value } otherOutgoing { quantity value } transfersOut { quantity value }
          closing { quantity value } } } } }`,
    params: { from: 'string', to: 'string', warehouseIds: 'list', productSearch: 'string' },
    list: 'inventoryReport.movement.warehouses',
    paged: false,
    columns: [
      { header: 'Warehouse', path: 'warehouse.code', text: true }, { header: 'Warehouse name', path: 'warehouse.name', text: true },
      ...amount('opening', 'Opening'), ...amount('received', 'Received'), ...amount('transfersIn', 'Of which transfers in'),
      ...amount('shipped', 'Shipped'), ...amount('otherOutgoing', 'Other outgoing'), ...amount('transfersOut', 'Of which transfers out'),
      ...amount('closing', 'Closing'),
    ],
  },
};
