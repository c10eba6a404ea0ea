import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { Config } from './config';
import { logger } from './logger';
import { ensureStandardRoles } from './services/access/standard-roles.service';

/** Opens the configured database, brings its schema up to date (migrations run on every start) and ensures the standard roles. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DataSource> {
  const db = new DataSource(dataSourceOptions({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await db.initialize();
  } catch (error) {
    // A MariaDB/MySQL database that does not exist yet is created when the account may (issue 18 §7).
    if ((error as { code?: string }).code !== 'ER_BAD_DB_ERROR' || !config.databaseUrl) throw error;
    await createMissingDatabase(config.databaseUrl);
    await db.initialize();
  }
  await db.runMigrations({ transaction: 'each' });
  await db.transaction((tx) => ensureStandardRoles(tx));
  return db;
}

/** CREATE DATABASE with the character set the migrations expect; fails with the server's own error when the user may not. */
async function createMissingDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = await createConnection({
    host: url.hostname, port: Number(url.port || 3306),
    user: decodeURIComponent(url.username), password: decodeURIComponent(url.password),
  });
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '``')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    logger.info({ database: name }, 'created the database named in DATABASE_URL');
  } catch (error) {
    // The caller reports the original "does not exist" in one sentence (src/startup-errors.ts).
    throw Object.assign(new Error(`database ${name} does not exist and could not be created: ${(error as Error).message}`), { code: 'ER_BAD_DB_ERROR' });
  } finally {
    await admin.end();
  }
}
