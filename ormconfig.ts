import fs from 'node:fs';
import path from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './src/entities';
import { MIGRATIONS } from './src/migrations';
import { registerUnitSum } from './src/services/reports/sqlite-unit-sum';

export interface DatabaseEnv {
  databaseUrl?: string;
  dataDir: string;
  /** SQLite file name inside dataDir (tests use their own). */
  sqliteFile?: string;
  logging?: boolean;
}

/**
 * DataSource options: MySQL/MariaDB through mysql2 when DATABASE_URL is mysql://…,
 * otherwise an embedded SQLite file under the data directory (created on demand).
 * Schema changes only ever come from migrations; `synchronize` stays off.
 */
export function dataSourceOptions(env: DatabaseEnv): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: env.logging ?? false };
  if (env.databaseUrl) {
    return {
      ...common,
      type: 'mysql',
      url: env.databaseUrl.replace(/^mariadb:/, 'mysql:'),
      timezone: 'Z',
      // DECIMALs arrive as strings and become Decimal in the entity transformer; never floats.
      supportBigNumbers: true,
      bigNumberStrings: true,
      poolSize: Number(process.env.DB_POOL_SIZE ?? 10),
      extra: { connectTimeout: 5000, decimalNumbers: false },
    };
  }
  fs.mkdirSync(env.dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: path.join(env.dataDir, env.sqliteFile ?? 'stockgate.sqlite'),
    // WAL lets readers proceed while a writer commits; busy_timeout waits for the write lock instead of failing.
    prepareDatabase: (db: { pragma(sql: string): unknown; aggregate(name: string, options: object): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      // Exact report sums past 2^63 units (src/services/reports/sqlite-unit-sum.ts).
      registerUnitSum(db);
    },
  };
}
