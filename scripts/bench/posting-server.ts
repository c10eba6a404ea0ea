import { ChildProcess, spawn } from 'node:child_process';
import { BenchEngine } from './posting-db';

/** A GraphQL client of the bench server, as one viewer. */
export type Gql = (query: string, variables: Record<string, unknown>) => Promise<{ data?: any; errors?: Array<{ message?: string; extensions?: { code?: string } }> }>;

export interface BenchServer { child: ChildProcess; url: string }

/** How long a bench server may take to print its banner before it is stopped and the row skipped. */
const READY_MS = 120_000;
/** How long a bench server may take to stop on SIGTERM before it is killed. */
const STOP_MS = 15_000;

/**
 * Starts a bench server (server.ts, or BASELINE_SERVER's build) with the posting probe, on an
 * ephemeral port, and waits for its banner. A server that exits first or never gets ready is
 * stopped here and the promise rejects: callers own only a server this resolved with, and stop
 * it with stopServer in a `finally` (posting.ts), so no failure leaves one running.
 */
export async function startServer(options: { serverEntry: string; engine: BenchEngine; secret: string; nodeArgs?: string[] }): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverEntry], {
    env: { ...process.env, BENCH_ENGINE: options.engine, BENCH_PROBE: '1', BENCH_AUTH_MODE: 'on', PORT: '0', LOG_LEVEL: 'warn', JWT_SECRET: options.secret },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`bench server not ready after ${READY_MS / 1000} s`)), READY_MS);
      child.stdout!.on('data', (c) => { out += c; const m = /ready (\S+)/.exec(out); if (m) { clearTimeout(timer); resolve(m[1]); } });
      child.on('error', (error) => { clearTimeout(timer); reject(error); });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`bench server exited with ${code}`)); });
    });
    return { child, url };
  } catch (error) {
    await stopServer(child);
    throw error;
  }
}

/** Stops a bench server: SIGTERM (it closes its pool), SIGKILL if it has not exited after STOP_MS. Does nothing to one already gone. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
  await exited;
  clearTimeout(timer);
}

export const client = (url: string, token: string): Gql => async (query, variables) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return res.json() as ReturnType<Gql>;
};

/** Sends a probe message; for 'probe-read' waits for the answer, at most 30 s (a build without the probe answers nothing). */
export const ask = (child: ChildProcess, message: string) => new Promise<unknown>((resolve) => {
  const timer = setTimeout(() => resolve(null), message === 'probe-read' ? 30_000 : 0);
  child.once('message', (m) => { clearTimeout(timer); resolve(m); });
  child.send(message);
});
