import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { Config } from './config';

/** Opens the configured database and brings its schema up to date (migrations run on every start). */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DataSource> {
  const db = new DataSource(dataSourceOptions({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  return db;
}
