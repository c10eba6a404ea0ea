import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { rebuildRollups, verifyRollups } from '../src/services/reports/rollup-maintenance';

/**
 * `npm run rollups:verify` — compares every report rollup with the ledger, prints the differences,
 * exits 1 when there are any. `npm run rollups:rebuild` — recomputes them from the ledger (docs/reports.md).
 */
async function main(command: string | undefined) {
  const db = await openDatabase(loadConfig());
  try {
    if (command === 'rebuild') {
      const started = Date.now();
      await rebuildRollups(db);
      process.stdout.write(`rollups rebuilt from the ledger in ${Date.now() - started} ms\n`);
    }
    const differences = await verifyRollups(db);
    for (const d of differences) process.stdout.write(`${d.table} ${JSON.stringify(d.key)}: rows ${d.rows}, quantity ${d.quantity}, value ${d.value} (stored − ledger)\n`);
    process.stdout.write(differences.length === 0 ? 'rollups equal the ledger\n' : `${differences.length} rollup rows differ from the ledger (first 100 per table)\n`);
    process.exitCode = differences.length === 0 ? 0 : 1;
  } finally {
    await db.destroy();
  }
}

if (process.argv[2] !== 'verify' && process.argv[2] !== 'rebuild') {
  process.stderr.write('usage: rollups verify|rebuild\n');
  process.exit(2);
}
main(process.argv[2]).catch((error) => {
  process.stderr.write(`rollups ${process.argv[2]} failed: ${error.message}\n`);
  process.exit(1);
});
