import { Worker } from 'node:worker_threads';
import { READER_WORKER_SOURCE } from './sqlite-reader-worker';

export interface ReaderPoolOptions {
  file: string;
  /** Reader threads, each with its own connection. */
  readers: number;
  /** Reader threads that statements known to be slow may occupy at once; the rest stay free for short reads. */
  heavyReaders: number;
  /** A statement whose last run took at least this long counts as slow. */
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
  worker: Worker;
  job: (Job & { started: number }) | null;
}

/** An error the reader thread reported, with better-sqlite3's code (e.g. SQLITE_ERROR). */
export class ReaderError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

const REMEMBERED = 1000;

/**
 * SQLite reads off the event loop: a few worker threads, each with a read-only connection to the
 * database file. Statements queue in order, except that statements which were slow last time
 * (a year report's aggregates) may occupy only `heavyReaders` threads, so short reads
 * (`viewer`, a page of stock) always find a free one instead of waiting behind a report.
 */
export class SqliteReaderPool {
  private readonly readers: Reader[];
  private readonly queue: Job[] = [];
  private readonly lastMs = new Map<string, number>();
  private closed = false;

  constructor(private readonly options: ReaderPoolOptions) {
    this.readers = Array.from({ length: options.readers }, () => ({ worker: this.spawn(), job: null }));
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
    for (const job of this.queue.splice(0)) job.reject(new ReaderError('The SQLite reader pool is closed.', 'POOL_CLOSED'));
    await Promise.all(this.readers.map((r) => r.worker.terminate()));
  }

  private dispatch(): void {
    let heavyRunning = this.readers.filter((r) => r.job?.heavy).length;
    for (let i = 0; i < this.queue.length; ) {
      const idle = this.readers.find((r) => !r.job);
      if (!idle) return;
      const job = this.queue[i];
      if (job.heavy && heavyRunning >= this.options.heavyReaders) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      if (job.heavy) heavyRunning++;
      idle.job = { ...job, started: performance.now() };
      idle.worker.ref();
      idle.worker.postMessage({ id: 0, sql: job.sql, params: job.params });
    }
  }

  private finished(reader: Reader, message: Answer): void {
    const job = reader.job;
    reader.job = null;
    reader.worker.unref();
    if (job) {
      this.remember(job.sql, performance.now() - job.started);
      if (message.error) job.reject(new ReaderError(message.error.message, message.error.code));
      else job.resolve({ rows: message.rows, changes: message.changes });
    }
    this.dispatch();
  }

  /** A reader thread died (it should not): its statement fails, a new thread takes its place. */
  private failed(reader: Reader, error: Error): void {
    reader.job?.reject(error);
    reader.job = null;
    if (this.closed) return;
    reader.worker = this.spawn();
    this.listen(reader);
    this.dispatch();
  }

  private spawn(): Worker {
    const worker = new Worker(READER_WORKER_SOURCE, { eval: true, workerData: { file: this.options.file, driverPath: require.resolve('better-sqlite3') } });
    worker.unref();
    return worker;
  }

  private listen(reader: Reader): void {
    const { worker } = reader;
    worker.on('message', (message: Answer) => this.finished(reader, message));
    worker.on('error', (error) => this.failed(reader, error));
  }

  private remember(sql: string, ms: number): void {
    this.lastMs.delete(sql);
    this.lastMs.set(sql, ms);
    if (this.lastMs.size > REMEMBERED) this.lastMs.delete(this.lastMs.keys().next().value as string);
  }
}
