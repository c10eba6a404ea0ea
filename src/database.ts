import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { Config } from './config';
import { ensureStandardRoles } from './services/access/standard-roles.service';

/** Opens the configured database, brings its schema up to date (migrations run on every start) and ensures the standard roles. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DataSource> {
  const db = new DataSource(dataSourceOptions({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.transaction((tx) => ensureStandardRoles(tx));
  return db;
}
