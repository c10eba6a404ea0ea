import { setPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { READER_WORKER_SOURCE } from './sqlite-reader-worker';
import { threadCpuMs } from './thread-cpu';

export interface ReaderPoolOptions {
  file: string;
  /** Reader threads for short statements, each with its own connection. */
  readers: number;
  /** Reader threads for statements known to be slow (reports), at a lower CPU priority. */
  heavyReaders: number;
  /** Their nice value (0–19). */
  heavyNice: number;
  /** A statement whose last run used at least this much CPU (or, where that is unknown, wall) time counts as slow. */
  heavyMs: number;
}

export interface ReadResult {
  rows?: unknown[];
  changes?: number;
}

interface Job {
  sql: string;
  params: unknown[];
  heavy: boolean;
  resolve(result: ReadResult): void;
  reject(error: Error): void;
}

type Answer = { rows?: unknown[]; changes?: number; error?: { message: string; code?: string } };

interface Reader {
  heavy: boolean;
  /** Set when the thread has opened its connection: its id (Linux; null elsewhere), to measure and lower it. */
  tid?: number | null;
  worker: Worker;
  job: (Job & { started: number; cpu: number | null }) | null;
}

/** An error the reader thread reported, with better-sqlite3's code (e.g. SQLITE_ERROR). */
export class ReaderError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

const REMEMBERED = 1000;

/**
 * SQLite reads off the event loop: worker threads, each with a read-only connection to the
 * database file. Statements that were slow last time (a year report's aggregates) run only on the
 * `heavyReaders`, which run at a lower CPU priority; everything else — short, or never seen — on
 * the others (or on an idle heavy reader when all of those are busy). So `viewer` or a page of
 * stock never waits behind a report, and the report's CPU time yields to them.
 */
export class SqliteReaderPool {
  private readonly readers: Reader[];
  private readonly queue: Job[] = [];
  private readonly lastMs = new Map<string, number>();
  private closed = false;
  private readonly watch: NodeJS.Timeout;

  constructor(private readonly options: ReaderPoolOptions) {
    this.watch = setInterval(() => this.demoteSlow(), Math.max(25, options.heavyMs / 2));
    this.watch.unref();
    this.readers = [
      ...Array.from({ length: options.readers }, () => ({ heavy: false })),
      ...Array.from({ length: options.heavyReaders }, () => ({ heavy: true })),
    ].map(({ heavy }) => ({ heavy, worker: this.spawn(heavy), job: null }));
    this.readers.forEach((reader) => this.listen(reader));
  }

  /** Runs one statement on a reader thread. */
  run(sql: string, params: unknown[]): Promise<ReadResult> {
    if (this.closed) return Promise.reject(new ReaderError('The SQLite reader pool is closed.', 'POOL_CLOSED'));
    return new Promise((resolve, reject) => {
      this.queue.push({ sql, params, heavy: (this.lastMs.get(sql) ?? 0) >= this.options.heavyMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Reader threads busy and statements waiting, for /metrics. */
  usage(): { total: number; inUse: number; waiting: number } {
    return { total: this.readers.length, inUse: this.readers.filter((r) => r.job).length, waiting: this.queue.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watch);
    for (const job of this.queue.splice(0)) job.reject(new ReaderError('The SQLite reader pool is closed.', 'POOL_CLOSED'));
    await Promise.all(this.readers.map((r) => r.worker.terminate()));
  }

  /** Starts every queued statement that has a reader it may use, in order. */
  private dispatch(): void {
    for (let i = 0; i < this.queue.length; ) {
      const job = this.queue[i];
      const idle = this.readers.filter((r) => !r.job && r.tid !== undefined);
      const reader = job.heavy && this.options.heavyReaders > 0 ? idle.find((r) => r.heavy) : (idle.find((r) => !r.heavy) ?? idle[0]);
      if (!reader) {
        if (idle.length === 0) return;
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      reader.job = { ...job, started: performance.now(), cpu: threadCpuMs(reader.tid) };
      reader.worker.ref();
      reader.worker.postMessage({ id: 0, sql: job.sql, params: job.params });
    }
  }

  /**
   * A short-statement reader whose statement has run `heavyMs` becomes a slow-statement reader
   * on the spot: its thread's priority drops, the statement is remembered as slow (its next runs
   * go to the slow readers), and a fresh reader takes its place for the short ones. So even a
   * report nobody has timed yet never takes the short reads' threads for long.
   */
  private demoteSlow(): void {
    const now = performance.now();
    for (const reader of [...this.readers]) {
      if (!reader.job || reader.heavy || now - reader.job.started < this.options.heavyMs) continue;
      const spent = this.spent(reader, now);
      if (spent < this.options.heavyMs) continue;
      reader.heavy = true;
      if (reader.tid) {
        try {
          setPriority(reader.tid, this.options.heavyNice);
        } catch {
          // Not allowed here: it still leaves the short reads their own threads.
        }
      }
      this.remember(reader.job.sql, spent);
      const fresh: Reader = { heavy: false, worker: this.spawn(false), job: null };
      this.readers.push(fresh);
      this.listen(fresh);
    }
    this.dispatch();
  }

  /** What the reader's current statement has cost so far: CPU time where known, else wall time. */
  private spent(reader: Reader, now: number): number {
    const cpu = threadCpuMs(reader.tid);
    return cpu !== null && reader.job!.cpu !== null ? cpu - reader.job!.cpu : now - reader.job!.started;
  }

  private finished(reader: Reader, message: Answer): void {
    const job = reader.job;
    if (job) this.remember(job.sql, this.spent(reader, performance.now()));
    reader.job = null;
    reader.worker.unref();
    if (job) {
      if (message.error) job.reject(new ReaderError(message.error.message, message.error.code));
      else job.resolve({ rows: message.rows, changes: message.changes });
    }
    // A demoted reader beyond the configured number of slow-statement readers retires when idle.
    if (reader.heavy && this.readers.filter((r) => r.heavy).length > this.options.heavyReaders) {
      this.readers.splice(this.readers.indexOf(reader), 1);
      void reader.worker.terminate();
    }
    this.dispatch();
  }

  /** A reader thread died (it should not): its statement fails, a new thread takes its place. */
  private failed(reader: Reader, error: Error): void {
    reader.job?.reject(error);
    reader.job = null;
    if (this.closed) return;
    reader.worker = this.spawn(reader.heavy);
    reader.tid = undefined;
    this.listen(reader);
    this.dispatch();
  }

  private spawn(heavy: boolean): Worker {
    const workerData = { file: this.options.file, driverPath: require.resolve('better-sqlite3'), nice: heavy ? this.options.heavyNice : 0 };
    const worker = new Worker(READER_WORKER_SOURCE, { eval: true, workerData });
    worker.unref();
    return worker;
  }

  private listen(reader: Reader): void {
    const { worker } = reader;
    worker.on('message', (message: Answer | { tid: number | null }) => {
      if (!('tid' in message)) return this.finished(reader, message);
      reader.tid = message.tid;
      this.dispatch();
    });
    worker.on('error', (error) => this.failed(reader, error));
  }

  private remember(sql: string, ms: number): void {
    this.lastMs.delete(sql);
    this.lastMs.set(sql, ms);
    if (this.lastMs.size > REMEMBERED) this.lastMs.delete(this.lastMs.keys().next().value as string);
  }
}
