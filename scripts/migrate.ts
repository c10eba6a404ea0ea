import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database';

/** `npm run migrate`: brings the configured database's schema up to date. */
openDatabase(loadConfig())
  .then(async (db) => {
    const done = await db.query('SELECT name FROM migrations ORDER BY id');
    process.stdout.write(`Migrations applied: ${done.map((m: { name: string }) => m.name).join(', ')}\n`);
    await db.destroy();
  })
  .catch((error) => {
    process.stderr.write(`Migration failed: ${error.message}\n`);
    process.exit(1);
  });
