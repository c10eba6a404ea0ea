import fs from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector';
import path from 'node:path';
import { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { AfterQueryEvent, BeforeQueryEvent } from 'typeorm/subscriber/event/QueryEvent';

/**
 * Bench-only (BENCH_PROBE=1 in server.ts, never in src/): what the posting benchmark needs to say
 * where a request's time goes, from inside the service — statements and round trips per request,
 * the wall time spent waiting for them (the database's work, its lock waits and the network),
 * how long the level locks and the document lock are held (first locking read to COMMIT), the
 * COMMIT round trip (the log flush), and the service's own CPU time. The parent asks for it over
 * IPC: 'probe-reset' at the start of the timed part, 'probe-read' at its end. With
 * BENCH_PROFILE_DIR, the V8 CPU profiler runs over exactly that part and writes a .cpuprofile
 * there (summarize it with profile-summary.ts); startup is left out.
 */
export interface ProbeReading {
  requests: number;
  transactions: number;
  statements: number;
  /** Statements by kind (first keyword and table), e.g. "SELECT stock_level". */
  byKind: Record<string, { count: number; ms: number }>;
  /** Sum of the statements' round trips, ms (send to answer, as the service sees it). */
  statementMs: number;
  commitMs: number;
  /** Sum over transactions of first level lock → COMMIT answered, and the same for the document lock. */
  levelLockHeldMs: number;
  levelLocks: number;
  documentLockHeldMs: number;
  documentLocks: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  wallMs: number;
}

const kindOf = (sql: string): string => {
  const text = sql.trim();
  const verb = /^\w+/.exec(text)?.[0].toUpperCase() ?? '?';
  if (['START', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SET', 'SAVEPOINT', 'RELEASE'].includes(verb)) return verb;
  const table = /\b(?:FROM|INTO|UPDATE)\s+[`"]?(\w+)/i.exec(text)?.[1] ?? '?';
  return `${verb}${/FOR UPDATE/i.test(text) ? ' … FOR UPDATE' : ''} ${table}`;
};

export function installProbe(db: DataSource, server: http.Server): void {
  const started = new WeakMap<QueryRunner | object, bigint>();
  const locks = new WeakMap<QueryRunner | object, { level?: bigint; document?: bigint }>();
  let reading = fresh();
  let cpu = process.cpuUsage();
  let since = process.hrtime.bigint();
  const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
  const keyOf = (event: BeforeQueryEvent | AfterQueryEvent) => event.queryRunner ?? event.manager;

  class Probe implements EntitySubscriberInterface {
    beforeQuery(event: BeforeQueryEvent): void {
      started.set(keyOf(event), process.hrtime.bigint());
    }

    afterQuery(event: AfterQueryEvent): void {
      const now = process.hrtime.bigint();
      const key = keyOf(event);
      const took = ms(started.get(key) ?? now, now);
      const kind = kindOf(event.query);
      reading.statements++;
      reading.statementMs += took;
      const entry = reading.byKind[kind] ??= { count: 0, ms: 0 };
      entry.count++;
      entry.ms += took;
      const held = locks.get(key) ?? {};
      if (/FOR UPDATE/i.test(event.query) && /stock_level/.test(event.query)) held.level ??= started.get(key);
      if (/FOR UPDATE/i.test(event.query) && /inventory_document/.test(event.query)) held.document ??= started.get(key);
      // SQLite's write transaction is exclusive from its BEGIN: the whole transaction holds every lock.
      if (kind === 'BEGIN') held.level = held.document = started.get(key);
      locks.set(key, held);
      if (kind === 'START' || kind === 'BEGIN') reading.transactions++;
      if (kind === 'COMMIT' || kind === 'ROLLBACK') {
        if (kind === 'COMMIT') reading.commitMs += took;
        if (held.level !== undefined) { reading.levelLockHeldMs += ms(held.level, now); reading.levelLocks++; }
        if (held.document !== undefined) { reading.documentLockHeldMs += ms(held.document, now); reading.documentLocks++; }
        locks.delete(key);
      }
    }
  }
  db.subscribers.push(new Probe());
  server.on('request', (req: http.IncomingMessage) => { if (req.method === 'POST') reading.requests++; });

  const profiler = process.env.BENCH_PROFILE_DIR ? new Session() : null;
  profiler?.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) =>
    profiler!.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  process.on('message', async (message) => {
    if (message === 'probe-reset') {
      if (profiler) { await post('Profiler.enable'); await post('Profiler.start'); }
      reading = fresh();
      cpu = process.cpuUsage();
      since = process.hrtime.bigint();
    }
    if (message === 'probe-read') {
      const used = process.cpuUsage(cpu);
      if (profiler) {
        const { profile } = await post('Profiler.stop');
        fs.mkdirSync(process.env.BENCH_PROFILE_DIR!, { recursive: true });
        fs.writeFileSync(path.join(process.env.BENCH_PROFILE_DIR!, `posting-${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      }
      process.send!({ probe: { ...reading, cpuUserMs: used.user / 1000, cpuSystemMs: used.system / 1000, wallMs: ms(since, process.hrtime.bigint()) } });
    }
  });
}

function fresh(): ProbeReading {
  return {
    requests: 0, transactions: 0, statements: 0, byKind: {}, statementMs: 0, commitMs: 0,
    levelLockHeldMs: 0, levelLocks: 0, documentLockHeldMs: 0, documentLocks: 0, cpuUserMs: 0, cpuSystemMs: 0, wallMs: 0,
  };
}
