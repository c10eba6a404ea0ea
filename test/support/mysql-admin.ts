import { Connection, createConnection } from 'mysql2/promise';

/** The server DATABASE_URL names, as URL (mariadb: normalised to mysql:). */
export const serverUrl = () => new URL(process.env.DATABASE_URL!.replace(/^mariadb:/, 'mysql:'));

/**
 * A connection of its own for creating and dropping test databases: never one of the
 * service's pool, whose connections may carry a statement budget (max_statement_time)
 * that a test set on purpose.
 */
export function adminConnection(): Promise<Connection> {
  const server = serverUrl();
  return createConnection({
    host: server.hostname, port: Number(server.port || 3306),
    user: decodeURIComponent(server.username), password: decodeURIComponent(server.password),
  });
}

/** Test databases are `sg_test_<run>_<pid>_<hex>`; `<run>` is the run's start in base-36 seconds. */
export const TEST_DATABASE_PREFIX = 'sg_test_';
export const runId = () => process.env.STOCKGATE_TEST_RUN ?? Math.floor(Date.now() / 1000).toString(36);
