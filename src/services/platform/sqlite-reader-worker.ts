import { unitSumAggregate } from '../reports/sqlite-unit-sum';

/**
 * The body of one SQLite reader thread (run with `new Worker(source, { eval: true })`, so the
 * same code serves ts-jest and the compiled build). It opens its own read-only connection to
 * the database file (at a lower priority when it serves slow statements) and answers `{ id, sql, params }` with `{ id, rows | changes }` or
 * `{ id, error }`. Every statement is its own read transaction: in WAL mode it sees exactly what
 * was committed when it started, never the writer's open transaction (docs/operations.md).
 */
export const READER_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
// The report sums' exact aggregate, as on the writer's connection (ormconfig.ts).
db.aggregate('unit_sum', (${unitSumAggregate.toString()})());
// Its thread id, so the pool can lower the priority of a reader whose statement turns out slow
// (Linux: nice is per thread); a reader for slow statements starts at that priority. Elsewhere
// this does nothing.
let tid = null;
try {
  tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  if (workerData.nice > 0) require('node:os').setPriority(tid, workerData.nice);
} catch {}
parentPort.postMessage({ tid });
const cache = new Map();
const prepared = (sql) => {
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
    if (cache.size > 200) cache.delete(cache.keys().next().value);
  }
  return stmt;
};
const bindable = (p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p) : p);
parentPort.on('message', ({ id, sql, params }) => {
  try {
    const stmt = prepared(sql);
    const args = params.map(bindable);
    if (stmt.reader) parentPort.postMessage({ id, rows: stmt.all(...args) });
    else parentPort.postMessage({ id, changes: stmt.run(...args).changes });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;
