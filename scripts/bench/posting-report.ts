import { PostingResult } from './posting';

const ENGINE = { mariadb: 'MariaDB', sqlite: 'SQLite' } as const;
const f = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));

/** The posting rows of BENCHMARKS.md: throughput and correctness, then where the time went per processed document. */
export function postingTable(results: PostingResult[]): string[] {
  const baseline = (r: PostingResult) => {
    const peers = results.filter((o) => o.engine === r.engine && o.scenario === r.scenario && o.build !== 'this');
    return peers.length ? peers.reduce((a, b) => a + b.documentsPerSecond, 0) / peers.length : null;
  };
  const label = (r: PostingResult) => `${r.scenario} (${r.singleLine} one-line${r.threeLine ? `, ${r.threeLine} three-line` : ''} sales orders)`;
  const perDoc = (r: PostingResult, x: number | null | undefined) => (x === null || x === undefined || r.processed === 0 ? null : x / r.processed);
  return [
    '| database | posting scenario (through GraphQL) | build | clients | timed | documents/s | × before | processed | refused (stock) | other failures | oversold | levels = ledger | load (1 min) at start → end |',
    '|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|',
    ...results.map((r) => {
      const base = baseline(r);
      return `| ${ENGINE[r.engine]} | ${label(r)} | ${r.build} | ${r.concurrency} | ${r.timed} | ${f(r.documentsPerSecond)} | ${base && r.build === 'this' ? f(r.documentsPerSecond / base, 2) : ''} | `
        + `${r.processed} | ${r.insufficientStock} | ${r.otherFailures} | ${r.oversold} | ${r.levelsEqualLedger ? 'yes' : 'NO'} | ${f(r.load[0])} → ${f(r.load[1])} |`;
    }),
    '',
    'Per processed document over the timed part (the service\'s probe, `scripts/bench/posting-probe.ts`; CPU from the processes\' own counters; '
      + 'MariaDB\'s row lock waits and log fsyncs are server-wide counters):',
    '',
    '| database | scenario | build | HTTP requests | statements | mean round trip ms | service CPU ms | MariaDB CPU ms | load generator CPU ms | machine busy | level lock held ms | document lock held ms | COMMIT ms | row lock waits | InnoDB fsyncs |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => {
      const p = r.probe;
      return `| ${ENGINE[r.engine]} | ${r.scenario} | ${r.build} | ${f(perDoc(r, p?.requests), 2)} | ${f(perDoc(r, p?.statements))} | ${f(p && p.statementMs / p.statements, 2)} | `
        + `${f(perDoc(r, r.cpu.service), 2)} | ${f(perDoc(r, r.cpu.database), 2)} | ${f(perDoc(r, r.cpu.client), 2)} | ${f(100 * r.cpu.machineBusy / r.cpu.machineTotal, 0)} % | `
        + `${f(p && p.levelLockHeldMs / p.levelLocks, 1)} | ${f(p && p.documentLockHeldMs / p.documentLocks, 1)} | ${f(p && p.commitMs / Math.max(1, p.byKind.COMMIT?.count ?? 0), 2)} | `
        + `${r.engine === 'mariadb' ? f(perDoc(r, r.status.Innodb_row_lock_waits), 2) : ''} | ${r.engine === 'mariadb' ? f(perDoc(r, r.status.Innodb_data_fsyncs), 2) : ''} |`;
    }),
  ];
}

/** Statements per processed document by kind (the last run of each scenario and build), for the profile notes. */
export function statementKinds(r: PostingResult): string[] {
  if (!r.probe || r.processed === 0) return [];
  return Object.entries(r.probe.byKind).sort((a, b) => b[1].count - a[1].count)
    .map(([kind, { count, ms }]) => `${kind}: ${(count / r.processed).toFixed(2)}/doc, ${(ms / count).toFixed(2)} ms each`);
}
