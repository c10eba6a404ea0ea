import { usingMysql } from './database';
import { adminConnection, TEST_DATABASE_PREFIX } from './mysql-admin';

/** Leftovers of runs that ended more than this long ago are swept too (a run killed mid-way). */
const STALE_SECONDS = 6 * 3600;

/**
 * Drops every test database of this run that a failing file left behind, and those of runs
 * long gone; databases of other runs still going (another checkout on the same server) stay.
 */
export default async function globalTeardown(): Promise<void> {
  if (!usingMysql()) return;
  const run = process.env.STOCKGATE_TEST_RUN;
  const now = Math.floor(Date.now() / 1000);
  const admin = await adminConnection();
  try {
    const [rows] = await admin.query('SHOW DATABASES');
    for (const row of rows as Array<Record<string, string>>) {
      const name = Object.values(row)[0];
      if (!name.startsWith(TEST_DATABASE_PREFIX)) continue;
      const started = parseInt(name.slice(TEST_DATABASE_PREFIX.length).split('_')[0], 36);
      const ours = name.startsWith(`${TEST_DATABASE_PREFIX}${run}_`);
      if (ours || !(now - started < STALE_SECONDS)) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  } finally {
    await admin.end();
  }
}
