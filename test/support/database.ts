import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import { adminConnection, runId, serverUrl, TEST_DATABASE_PREFIX } from './mysql-admin';

/** MariaDB when DATABASE_URL is set (CI runs the suite twice), else embedded SQLite. */
export const usingMysql = () => /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '');

export interface TestDatabase {
  db: DataSource;
  /** For tests that open a second connection (e.g. the CLI). */
  databaseUrl?: string;
  dataDir: string;
  sqliteFile?: string;
  drop(): Promise<void>;
}

/**
 * A fresh database per test file, schema from the real migrations: on MariaDB its own
 * database (created here, dropped in drop()), on SQLite its own file in a temp dir.
 */
export async function createTestDatabase(options: { logging?: boolean; defaultSqliteFile?: boolean } = {}): Promise<TestDatabase> {
  const name = `${TEST_DATABASE_PREFIX}${runId()}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockgate-test-'));
  let databaseUrl: string | undefined;
  if (usingMysql()) {
    const server = serverUrl();
    const admin = await adminConnection();
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    server.pathname = `/${name}`;
    databaseUrl = server.toString();
  }
  // defaultSqliteFile: a child process (the service, a CLI) opens the default file name in DATA_DIR.
  const sqliteFile = usingMysql() || options.defaultSqliteFile ? undefined : `${name}.sqlite`;
  const db = new DataSource({ ...dataSourceOptions({ databaseUrl, dataDir, sqliteFile }), logging: options.logging ?? false });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  const database: TestDatabase = {
    db, databaseUrl, dataDir, sqliteFile,
    // Clean-up on a connection of its own: the pool's may carry a statement budget a test set.
    drop: async () => {
      try {
        if (database.db.isInitialized) await database.db.destroy();
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
        if (usingMysql()) {
          const admin = await adminConnection();
          try {
            await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
          } finally {
            await admin.end();
          }
        }
      }
    },
  };
  return database;
}
