import 'reflect-metadata';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { SystemRole } from '../../src/entities/role.entity';
import { applySeed } from '../../src/services/demo/seed.service';
import { rebuildRollups } from '../../src/services/reports/rollup-maintenance';
import { NUMBER_PREFIX } from '../../src/services/documents/document-number';
import { DocumentAction, DocumentType, Permission } from '../../src/shield/permission-catalog';
import { BENCH_SIZE, BENCH_USERS } from './bench-config';
import { benchWriter, BenchWriter } from './bench-writer';

/**
 * `npm run bench:seed`: (re)creates the benchmark database on MariaDB (with `-- --sqlite`: the
 * embedded file under .bench/sqlite, issue 21) — 20 warehouses,
 * 20,000 products with variants, ≥1,000,000 ledger movements from processed documents of
 * the five types that are not counts over two years (BENCH_HISTORY_YEARS), levels equal to the ledger, and the demo roles.
 * Rows are generated in memory in date order (so no level ever goes negative) and written
 * with multi-row INSERTs, then the report rollups rebuilt from them; it is a data generator, not a test of the posting code.
 */
const TYPES: Array<[DocumentType, number]> = [
  [DocumentType.STOCK_RECEIPT, 0.3], [DocumentType.SALES_ORDER, 0.45], [DocumentType.STOCK_TRANSFER, 0.15],
  [DocumentType.WRITE_OFF, 0.05], [DocumentType.STOCK_ADJUSTMENT, 0.05],
];

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

async function main() {
  const started = Date.now();
  const writer = benchWriter(process.argv.includes('--sqlite') ? 'sqlite' : 'mariadb');
  await writer.reset();
  const db = new DataSource(writer.options());
  await db.initialize();
  await db.runMigrations();
  const warehouseKeys = Array.from({ length: BENCH_SIZE.warehouses }, (_, i) => `W${String(i + 1).padStart(2, '0')}`);
  const ids = await applySeed(db, {
    standardRoles: true,
    warehouses: warehouseKeys.map((key, i) => ({ key, code: key, name: `Warehouse ${key}`, isDefault: i === 0 })),
    users: [
      { key: 'admin', login: BENCH_USERS.admin, name: 'Bench admin', roles: [{ role: SystemRole.ADMINISTRATOR }] },
      { key: 'clerk', login: BENCH_USERS.clerk, name: 'Bench clerk of W01 and W02', roles: [{ role: 'clerk-prices', warehouses: ['W01', 'W02'] }] },
      { key: 'seller', login: BENCH_USERS.seller, name: 'Bench seller', roles: [{ role: SystemRole.STORE_STAFF }] },
    ],
    roles: [{
      key: 'clerk-prices', name: 'Warehouse clerk with prices and reports',
      grants: [
        { permission: Permission.CATALOG_VIEW }, { permission: Permission.INVENTORY_VIEW }, { permission: Permission.PURCHASE_PRICE_VIEW },
        { permission: Permission.WAREHOUSE_SELECT }, { permission: Permission.REPORT_VIEW },
        ...Object.values(DocumentType).map((documentType) => ({ permission: Permission.DOCUMENT, documentType, actions: [DocumentAction.VIEW, DocumentAction.EDIT, DocumentAction.PROCESS] })),
      ],
    }],
  });
  const warehouses = warehouseKeys.map((k) => ids.warehouses[k]);
  await db.destroy();
  await writer.open();
  const productIds = await insertProducts(writer);
  const authorId = ids.users.admin;
  const movements = await insertDocuments(writer, productIds, warehouses, authorId);
  await writer.query(`INSERT INTO stock_level (productId, warehouseId, quantity, value)
    SELECT productId, warehouseId, SUM(quantity), SUM(value) FROM stock_movement GROUP BY productId, warehouseId`);
  // The counters after the numbers given above, per (type, warehouse) as the service numbers (document-number.ts).
  await writer.query('DELETE FROM document_counter');
  await writer.query(`INSERT INTO document_counter (type, warehouseId, next)
    SELECT type, numberWarehouseId, COUNT(*) + 1 FROM inventory_document GROUP BY type, numberWarehouseId`);
  await writer.close();
  // The rows above bypassed the ledger append, so the report rollups are recomputed from them.
  const rollups = new DataSource(writer.options());
  await rollups.initialize();
  await rebuildRollups(rollups);
  await rollups.destroy();
  process.stdout.write(`bench database ${writer.name} (${writer.engine}): ${productIds.length + BENCH_SIZE.parents} products, ${movements} movements, in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

async function insertProducts(conn: BenchWriter): Promise<Array<{ id: number; price: Decimal }>> {
  const rows: unknown[][] = [];
  for (let p = 0; p < BENCH_SIZE.parents; p++) {
    const price = (5 + (p % 90) + (p % 7) / 10).toFixed(2);
    rows.push([`P${p}`, `Product ${p} ${pick(['cotton', 'wool', 'linen', 'denim'])} ${pick(['dress', 'shirt', 'coat', 'scarf'])}`, null, null, price, (Number(price) * 2.5).toFixed(2)]);
  }
  await conn.bulkInsert('product', ['sku', 'name', 'parentId', 'attributes', 'purchasePrice', 'salePrice'], rows);
  const parents = await conn.query<{ id: number; sku: string; name: string; purchasePrice: string }>('SELECT id, sku, name, purchasePrice FROM product ORDER BY id');
  const variants: unknown[][] = [];
  for (const parent of parents) {
    for (const colour of ['red', 'blue', 'green', 'black'].slice(0, BENCH_SIZE.variantsPerParent)) {
      variants.push([`${parent.sku}-${colour}`, `${parent.name} ${colour}`, parent.id, JSON.stringify({ colour }), parent.purchasePrice, null]);
    }
  }
  await conn.bulkInsert('product', ['sku', 'name', 'parentId', 'attributes', 'purchasePrice', 'salePrice'], variants);
  const all = await conn.query<{ id: number; purchasePrice: string }>('SELECT id, purchasePrice FROM product WHERE parentId IS NOT NULL ORDER BY id');
  return all.map((r) => ({ id: Number(r.id), price: new Decimal(r.purchasePrice) }));
}

async function insertDocuments(conn: BenchWriter, products: Array<{ id: number; price: Decimal }>, warehouses: number[], authorId: number): Promise<number> {
  const levels = new Map<string, number>();
  const level = (p: number, w: number) => levels.get(`${p}:${w}`) ?? 0;
  // Products that have received stock per warehouse: outgoing lines pick from these, so they find stock.
  const stocked = new Map<number, Array<{ id: number; price: Decimal }>>(warehouses.map((w) => [w, []]));
  const move = (p: number, w: number, q: number) => levels.set(`${p}:${w}`, level(p, w) + q);
  const counters = new Map<string, number>();
  const prefixes = new Map((await conn.query<{ id: number; numberPrefix: string }>('SELECT id, numberPrefix FROM warehouse')).map((w) => [Number(w.id), w.numberPrefix]));
  const start = Date.now() - BENCH_SIZE.days * 86_400_000;
  let docs: unknown[][] = [], items: unknown[][] = [], moves: unknown[][] = [], docWarehouses: unknown[][] = [];
  let docId = 0, itemId = 0, movementCount = 0;
  const [{ maxId }] = await conn.query<{ maxId: number }>('SELECT COALESCE(MAX(id), 0) AS maxId FROM inventory_document');
  docId = Number(maxId);

  const flush = async (force = false) => {
    if (!force && moves.length < 20_000) return;
    await conn.bulkInsert('inventory_document', ['id', 'type', 'status', 'number', 'numberWarehouseId', 'title', 'authorId', 'createdAt', 'updatedAt', 'processedAt', 'processedById', 'version', 'documentDate'], docs);
    await conn.bulkInsert('document_item', ['id', 'documentId', 'productId', 'quantity', 'purchasePrice', 'fromWarehouseId', 'toWarehouseId'], items);
    await conn.bulkInsert('document_warehouse', ['warehouseId', 'documentId'], docWarehouses);
    await conn.bulkInsert('stock_movement', ['documentId', 'itemId', 'documentType', 'productId', 'warehouseId', 'kind', 'quantity', 'unitCost', 'value', 'reversal', 'occurredAt', 'postedAt'], moves);
    docs = []; items = []; moves = []; docWarehouses = [];
  };

  for (let d = 0; d < BENCH_SIZE.documents; d++) {
    const at = new Date(start + (d / BENCH_SIZE.documents) * BENCH_SIZE.days * 86_400_000);
    let r = random(), type = TYPES[0][0];
    for (const [t, share] of TYPES) { if (r < share) { type = t; break; } r -= share; }
    const from = pick(warehouses);
    let to = pick(warehouses);
    if (type === DocumentType.STOCK_TRANSFER && to === from) to = warehouses[(warehouses.indexOf(from) + 1) % warehouses.length];
    const lines: Array<{ product: { id: number; price: Decimal }; qty: number }> = [];
    const lineCount = 1 + Math.floor(random() * 6);
    const incoming = type === DocumentType.STOCK_RECEIPT || type === DocumentType.STOCK_ADJUSTMENT;
    for (let l = 0; l < lineCount; l++) {
      const source = stocked.get(from)!;
      const product = incoming || source.length === 0 ? pick(products) : pick(source);
      const qty = incoming ? 5 + Math.floor(random() * 50) : Math.min(level(product.id, from), 1 + Math.floor(random() * 5));
      if (qty <= 0 || lines.some((x) => x.product.id === product.id)) continue;
      lines.push({ product, qty });
      if (!incoming) move(product.id, from, -qty);
      if (type === DocumentType.STOCK_TRANSFER || incoming) {
        move(product.id, to, qty);
        stocked.get(to)!.push(product);
      }
    }
    if (lines.length === 0) continue;
    docId++;
    // Numbered in its first line's source, else destination (document-number.ts): from, unless incoming.
    const home = incoming ? to : from;
    const n = (counters.get(`${type}:${home}`) ?? 0) + 1;
    counters.set(`${type}:${home}`, n);
    // The warehouses the document touches (document-warehouses.ts): its source and/or destination.
    const touched = new Set([...(incoming ? [] : [from]), ...(incoming || type === DocumentType.STOCK_TRANSFER ? [to] : [])]);
    for (const w of touched) docWarehouses.push([w, docId]);
    docs.push([docId, type, 'PROCESSED', `${NUMBER_PREFIX[type]}-${prefixes.get(home)}-${String(n).padStart(6, '0')}`, home, '', authorId, at, at, at, authorId, 2, at.toISOString().slice(0, 10)]);
    for (const { product, qty } of lines) {
      itemId++;
      const sides = { from: type !== DocumentType.STOCK_RECEIPT && type !== DocumentType.STOCK_ADJUSTMENT, to: type === DocumentType.STOCK_RECEIPT || type === DocumentType.STOCK_ADJUSTMENT || type === DocumentType.STOCK_TRANSFER };
      items.push([itemId, docId, product.id, qty, product.price.toFixed(4), sides.from ? from : null, sides.to ? to : null]);
      const row = (warehouseId: number, q: number, kind: string) => {
        moves.push([docId, itemId, type, product.id, warehouseId, kind, q, product.price.toFixed(4), product.price.times(q).toFixed(4), 0, at, at]);
        movementCount++;
      };
      if (sides.from) row(from, -qty, type === DocumentType.SALES_ORDER ? 'SHIPPED' : type === DocumentType.STOCK_TRANSFER ? 'TRANSFER_OUT' : 'OTHER_OUT');
      if (sides.to) row(to, qty, type === DocumentType.STOCK_TRANSFER ? 'TRANSFER_IN' : 'RECEIVED');
    }
    await flush();
  }
  await flush(true);
  return movementCount;
}

main().catch((error) => {
  process.stderr.write(`bench:seed failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
