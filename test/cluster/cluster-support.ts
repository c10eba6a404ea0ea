import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, instanceUrls, readClusterSecrets } from '../../scripts/cluster/probe-client';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');
export const CLUSTER_DIR = path.join(os.tmpdir(), 'stockgate-cluster-test');
export const HAPROXY_URL = 'http://127.0.0.1:15810/graphql';

/** Runs scripts/cluster/cluster.sh with this test's cluster directory. */
export const cluster = (...args: string[]) => clusterWith({}, ...args);

/** The same, with more environment for the instances it starts (e.g. LIMIT_TIME_BUDGET_MS). */
export async function clusterWith(env: Record<string, string>, ...args: string[]): Promise<string> {
  const { stdout } = await run('bash', [path.join(root, 'scripts/cluster/cluster.sh'), ...args], {
    cwd: root, env: { ...process.env, ...env, CLUSTER_DIR }, timeout: 900_000, maxBuffer: 10 * 1024 * 1024,
  });
  return stdout;
}

/** Root on one of the cluster's MariaDB nodes, through its socket. */
export async function sqlOn(node: string, sql: string): Promise<string> {
  const { stdout } = await run('mariadb', [`--socket=${path.join(CLUSTER_DIR, `db-${node}`, 'mysqld.sock')}`, '--user=root', '-N', '-e', sql]);
  return stdout.trim();
}

export const clientsAs = async (login: string) => {
  process.env.CLUSTER_DIR = CLUSTER_DIR;
  const secrets = readClusterSecrets();
  return Promise.all([...instanceUrls(), HAPROXY_URL].map((url) => Client.as(url, login, secrets)));
};

/** Requests from `workers` loops until `until()` says stop; every status and network error is tallied. */
export async function load(client: Client, query: string, workers: number, until: () => boolean) {
  const tally: Record<string, number> = {};
  await Promise.all(Array.from({ length: workers }, async () => {
    while (!until()) {
      let outcome: string;
      try {
        const res = await client.request(query);
        outcome = res.errors?.length ? String(res.errors[0].extensions?.code) : 'OK';
      } catch (error) {
        outcome = String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
      }
      tally[outcome] = (tally[outcome] ?? 0) + 1;
    }
  }));
  return tally;
}
