import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { adminConnection, serverUrl, TEST_DATABASE_PREFIX, runId } from '../support/mysql-admin';
import { usingMysql } from '../support/database';
import { startApi } from '../support/api';

/** `src/main.ts` as `npm start` runs it (from the sources); resolves with its exit code and everything it printed. */
function start(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['-r', './scripts/ts-register.js', 'src/main.ts'], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, PORT: '0', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'sg-start-')), DATABASE_URL: '', LOG_LEVEL: 'silent', JEST_WORKER_ID: '', ...env },
  });
  let out = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.stderr.on('data', (chunk) => { out += chunk; });
  return new Promise((resolve) => {
    child.stdout.on('data', () => { if (/npm run token/.test(out)) child.kill('SIGTERM'); });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** A port something else already listens on. */
async function takenPort(): Promise<{ port: number; close: () => void }> {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, resolve));
  return { port: (holder.address() as net.AddressInfo).port, close: () => holder.close() };
}

describe('start-up failures are one plain sentence and a non-zero exit (issue 18 §7)', () => {
  it('port in use', async () => {
    const taken = await takenPort();
    try {
      const { code, out } = await start({ PORT: String(taken.port) });
      expect({ code, out }).toEqual({ code: 1, out: `Port ${taken.port} is already in use: stop the process listening there or start Stockgate with another PORT.\n` });
    } finally {
      taken.close();
    }
  });

  it('database unreachable', async () => {
    const closed = await takenPort();
    closed.close();
    const { code, out } = await start({ DATABASE_URL: `mysql://root@127.0.0.1:${closed.port}/stockgate` });
    expect({ code, out }).toEqual({ code: 1, out: `Cannot reach the database at 127.0.0.1:${closed.port}/stockgate (ECONNREFUSED): is MariaDB/MySQL running there, and is DATABASE_URL right?\n` });
  });

  (usingMysql() ? it : it.skip)('bad credentials (MariaDB)', async () => {
    const url = serverUrl();
    const { code, out } = await start({ DATABASE_URL: `mysql://stockgate_nobody:wrong@${url.host}/test` });
    expect(code).toBe(1);
    expect(out).toMatch(/^The database at .* refused the user and password in DATABASE_URL \(ER_ACCESS_DENIED\w*\): check them and the user's grants\.\n$/);
  });
});

describe('a MariaDB database that does not exist yet is created (issue 18 §7)', () => {
  (usingMysql() ? it : it.skip)('npm start creates it, migrates it and serves', async () => {
    const name = `${TEST_DATABASE_PREFIX}${runId()}_${process.pid}_created`;
    const url = serverUrl();
    try {
      const { code, out } = await start({ DATABASE_URL: `mysql://${url.username}${url.password ? `:${url.password}` : ''}@${url.host}/${name}` });
      expect([code, out]).toEqual([0, expect.stringMatching(/Stockgate is listening on .* \(MySQL\/MariaDB\)/)]);
      const admin = await adminConnection();
      const [rows] = await admin.query('SELECT DEFAULT_CHARACTER_SET_NAME AS charset FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name]);
      await admin.end();
      expect(rows).toEqual([{ charset: 'utf8mb4' }]);
    } finally {
      const admin = await adminConnection();
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    }
  });
});

describe('a browser opening /graphql (issue 18 §7)', () => {
  it('is sent to the playground; GraphQL clients are not', async () => {
    const api = await startApi({});
    try {
      const page = await fetch(api.url, { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' });
      expect([page.status, page.headers.get('location')]).toEqual([302, '/playground']);
      const client = await fetch(`${api.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': '1' } });
      expect(await client.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await api.close();
    }
  });

  it('without the playground (production) is told what the endpoint is', async () => {
    const api = await startApi({}, { production: true, playground: false, introspection: false });
    try {
      const page = await fetch(api.url, { headers: { accept: 'text/html' } });
      expect([page.status, await page.text()]).toEqual([404, 'This is a GraphQL endpoint: POST a query here with a bearer token (the playground is off).\n']);
    } finally {
      await api.close();
    }
  });
});
