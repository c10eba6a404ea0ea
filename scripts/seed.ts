import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { seedDemoIfEmpty } from '../src/services/demo/demo-seed';

/** `npm run seed`: the demo company, into an empty database (migrations first). */
openDatabase(loadConfig())
  .then(async (db) => {
    const seeded = await seedDemoIfEmpty(db);
    process.stdout.write(seeded ? 'Seeded the demo data.\n' : 'The database already has users; nothing seeded.\n');
    await db.destroy();
  })
  .catch((error) => {
    process.stderr.write(`Seeding failed: ${error.message}\n`);
    process.exit(1);
  });
