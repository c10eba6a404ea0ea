import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { SystemRole } from '../src/entities/role.entity';
import { createServer } from '../src/server/app';
import { mintToken } from '../src/server/identity';
import { applySeed } from '../src/services/demo/seed.service';

/**
 * Measures the CSV import through the HTTP API: 5,000 products and 5,000 variants in one
 * request. Runs on a fresh SQLite file, or on DATABASE_URL (give it an empty scratch database).
 * `npx tsc -p tsconfig.json && node dist/scripts/bench-import.js`
 */
async function main() {
  const secret = 'bench-secret-that-is-long-enough-0123456789';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockgate-bench-'));
  const config = { ...loadConfig({ ...process.env, JWT_SECRET: secret, NODE_ENV: 'test' }), dataDir };
  const db = await openDatabase(config);
  await applySeed(db, { standardRoles: true, users: [{ key: 'bench-admin', roles: [{ role: SystemRole.ADMINISTRATOR }] }] });
  const server = await createServer(config, db);
  const url = `${await server.listen(0)}/graphql`;

  const lines = ['sku,name,parentSku,attributes,purchasePrice,salePrice,unit'];
  for (let i = 0; i < 5000; i++) {
    const sku = `BENCH-${String(i).padStart(6, '0')}`;
    lines.push(`${sku},"Benchmark product ${i}, cotton",,,12.50,25.00,pcs`);
    lines.push(`${sku}-RED,Benchmark product ${i} red,${sku},colour=red;size=M,12.50,25.00,pcs`);
  }
  const body = JSON.stringify({
    query: 'mutation($csv: String!) { importProductsCsv(csv: $csv) { ok imported errors { line column reason } } }',
    variables: { csv: lines.join('\n') },
  });
  const started = process.hrtime.bigint();
  const res = await fetch(url, {
    method: 'POST', body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintToken(secret, 'bench-admin')}` },
  });
  const result = (await res.json()) as { data?: unknown; errors?: unknown };
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify(result.data ?? result.errors).slice(0, 200)}\n`);
  if (result.errors) throw new Error('the import was refused; no timing to report');
  process.stdout.write(`${lines.length - 1} rows, ${(body.length / 1024).toFixed(0)} KiB request, ${db.options.type}: ${ms.toFixed(0)} ms\n`);
  await server.stop();
  await db.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
