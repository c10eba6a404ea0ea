import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { copySqliteToMariadb } from '../src/services/platform/copy-to-mariadb';

/**
 * `DATABASE_URL=mysql://user:pass@host:3306/stockgate npm run migrate-to-mariadb`: copies the
 * embedded database (DATA_DIR/stockgate.sqlite, or SQLITE_FILE) into that EMPTY database.
 * Stop the service first, so nothing writes to the file meanwhile (docs/operations.md).
 */
async function main() {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('set DATABASE_URL to the empty MariaDB database to copy into');
  const source = path.resolve(process.env.SQLITE_FILE ?? path.join(config.dataDir, 'stockgate.sqlite'));
  const started = Date.now();
  const report = await copySqliteToMariadb(source, config.databaseUrl, (line) => process.stdout.write(`${line}\n`));
  const rows = report.tables.reduce((n, t) => n + t.rows, 0);
  process.stdout.write(`Copied ${source}: ${report.tables.length} tables, ${rows} rows, in ${((Date.now() - started) / 1000).toFixed(1)} s. Start the service with this DATABASE_URL.\n`);
}

main().catch((error) => {
  process.stderr.write(`migrate-to-mariadb failed: ${error.message}\n`);
  process.exit(1);
});
