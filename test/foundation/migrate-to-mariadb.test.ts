import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import { loadConfig } from '../../src/config';
import { createServer, StockgateServer } from '../../src/server/app';
import { mintToken } from '../../src/server/identity';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { applySeed } from '../../src/services/demo/seed.service';
import { copySqliteToMariadb, CopyRefused } from '../../src/services/platform/copy-to-mariadb';
import { apiId, TEST_SECRET } from '../support/api';
import { runId, TEST_DATABASE_PREFIX } from '../support/mysql-admin';

/**
 * Issue 21 §4: `npm run migrate-to-mariadb` moves a company off the embedded database. The demo
 * company (plus a posting and a reservation made through the API) is copied from
 * SQLite into an empty MariaDB database, and every demo query, as every demo user, answers
 * byte for byte the same from both. This test needs both databases, whichever DATABASE_URL says.
 */
const server = new URL((/^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL! : 'mysql://root@127.0.0.1:3306/test').replace(/^mariadb:/, 'mysql:'));
const admin = () => createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) });
const today = new Date().toISOString().slice(0, 10);
const longAgo = new Date(Date.now() - 700 * 86_400_000).toISOString().slice(0, 10);

const DEMO_QUERIES = [
  '{ viewer { user { id login name email active } permissions allWarehouses reportKinds documentPermissions { documentType actions } warehouses { id code name address isDefault active } } }',
  '{ warehouses(includeInactive: true) { id code name address isDefault active } }',
  `{ products(first: 200, includeArchived: true) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id sku name unit purchasePrice salePrice parent { sku } variants { sku } quantity available stockLevels { quantity reserved available warehouse { code } } } } }`,
  '{ stockLevels(first: 200) { totalCount nodes { quantity reserved available product { sku } warehouse { code } } } }',
  '{ reservations(first: 200) { totalCount nodes { id quantity dealRef status expiresAt createdAt product { sku } warehouse { code } createdBy { login } } } }',
  `{ documents(first: 200) { totalCount nodes { id number type status title dealRef version createdAt updatedAt processedAt cancelledAt
      total allowedActions author { login } items { quantity purchasePrice lineTotal product { sku } fromWarehouse { code } toWarehouse { code } } } } }`,
  `{ inventoryReport(from: "${longAgo}", to: "${today}") { from to totalStockValue
      movement { total { opening { quantity value } received { quantity value } shipped { quantity value } otherOutgoing { quantity value } closing { quantity value } }
        warehouses { warehouse { code } opening { quantity value } received { quantity value } shipped { quantity value } closing { quantity value } } }
      sales { receivedValue shippedValue sellThroughPercent warehouses { warehouse { code } receivedValue shippedValue sellThroughPercent shippedSharePercent } }
      stockBalance { asOf total { quantity value } warehouses { warehouse { code } quantity value } } } }`,
  '{ users(first: 200, includeInactive: true) { totalCount nodes { id login name active assignments { role { name } warehouses { code } } } } }',
  '{ roles { id name description editable systemKey grants { permission warehouseIds } members { user { login } } } }',
  '{ settings { allowNegativeStock reservationDays } }',
];

interface Side { db: DataSource; server: StockgateServer; url: string }

async function serve(db: DataSource, databaseUrl: string | undefined, dataDir: string): Promise<Side> {
  const config = { ...loadConfig({ JWT_SECRET: TEST_SECRET, NODE_ENV: 'test' } as NodeJS.ProcessEnv), databaseUrl, dataDir };
  const server = await createServer(config, db);
  return { db, server, url: `${await server.listen(0)}/graphql` };
}

describe('npm run migrate-to-mariadb (issue 21 §4)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockgate-copy-'));
  const file = path.join(dataDir, 'stockgate.sqlite');
  const name = `${TEST_DATABASE_PREFIX}${runId()}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const target = new URL(server.toString());
  target.pathname = `/${name}`;
  let embedded: Side;
  let copied: Side | undefined;

  const gql = async (side: Side, login: string, query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(side.url, { method: 'POST', body: JSON.stringify({ query, variables }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintToken(TEST_SECRET, login)}` } });
    return res.text();
  };

  beforeAll(async () => {
    const db = new DataSource(dataSourceOptions({ dataDir }));
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    const ids = await applySeed(db, DEMO_DATA);
    embedded = await serve(db, undefined, dataDir);
    // Writes through the API, so the copy carries a fresh posting and a reservation too.
    const draft = Object.entries(ids.documents).find(([key]) => key.includes('draft'))?.[1];
    if (draft) await gql(embedded, 'admin', 'mutation($id: ID!) { processDocument(id: $id, version: 1) { status } }', { id: apiId('InventoryDocument', draft) });
    await gql(embedded, 'admin', 'mutation($p: ID!, $w: ID!) { reserveProduct(productId: $p, warehouseId: $w, quantity: "1", dealRef: "COPY-1") { id } }',
      { p: apiId('Product', ids.products.hoodie), w: apiId('Warehouse', ids.warehouses.online) });
    const conn = await admin();
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
  });

  afterAll(async () => {
    await embedded?.server.stop();
    if (embedded?.db.isInitialized) await embedded.db.destroy();
    await copied?.server.stop();
    if (copied?.db.isInitialized) await copied.db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
    const conn = await admin();
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
  });

  it('copies every table, ledger and audit log included, into the empty database, and the copy answers every demo query identically', async () => {
    const report = await copySqliteToMariadb(file, target.toString());
    const rows = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]));
    expect(rows.stock_movement).toBeGreaterThan(0);
    expect(rows.inventory_document).toBeGreaterThan(0);
    expect(rows.reservation).toBeGreaterThan(0);

    const db = new DataSource(dataSourceOptions({ databaseUrl: target.toString(), dataDir }));
    await db.initialize();
    copied = await serve(db, target.toString(), dataDir);
    const logins = DEMO_DATA.users!.map((u) => u.login ?? u.key);
    const mismatches: string[] = [];
    for (const login of logins) {
      for (const query of DEMO_QUERIES) {
        const [a, b] = [await gql(embedded, login, query), await gql(copied, login, query)];
        if (a !== b) mismatches.push(`${login} ${query.slice(0, 40)}…\n  sqlite:  ${a.slice(0, 400)}\n  mariadb: ${b.slice(0, 400)}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The answers compared are real data, not the same error twice.
    const documents = JSON.parse(await gql(copied, 'admin', DEMO_QUERIES[5]));
    expect(documents.errors).toBeUndefined();
    expect(documents.data.documents.nodes.map((d: { status: string }) => d.status)).toContain('PROCESSED');
    expect(JSON.parse(await gql(copied, 'admin', DEMO_QUERIES[6])).data.inventoryReport.movement.total.closing.quantity).not.toBe('0');
  });

  it('refuses a database that is not empty, and changes nothing', async () => {
    await expect(copySqliteToMariadb(file, target.toString())).rejects.toThrow(CopyRefused);
  });
});
