import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { jwtVerify } from 'jose';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import { createTestDatabase, TestDatabase } from '../support/database';
import { TEST_SECRET } from '../support/api';
import { describeUrl } from '../../src/startup-errors';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');

/** Runs `npm run <script>`'s program the way npm does, against the test database. */
function cli(script: string, args: string[], database: TestDatabase) {
  return run(process.execPath, ['-r', './scripts/ts-register.js', `scripts/${script}.ts`, ...args], {
    cwd: root,
    env: {
      ...process.env, JWT_SECRET: TEST_SECRET, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent',
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { DATABASE_URL: '' }),
    },
  });
}

/** How the CLI names the database it read. */
const databaseOf = (database: TestDatabase) => (database.databaseUrl ? `MySQL/MariaDB ${describeUrl(database.databaseUrl)}` : `SQLite in ${database.dataDir}`);

describe('command line: migrate, seed, token', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    // The CLI uses the default SQLite file name; point the test database's directory at it.
    if (!database.databaseUrl) {
      await database.db.destroy();
      database.db = new DataSource(dataSourceOptions({ dataDir: database.dataDir }));
      await database.db.initialize();
    }
  });
  afterAll(() => database.drop());

  it('npm run migrate applies the migrations and is idempotent', async () => {
    const first = await cli('migrate', [], database);
    expect(first.stdout).toMatch(/InitialSchema/);
    const second = await cli('migrate', [], database);
    expect(second.stdout).toBe(first.stdout);
  });

  it('npm run seed seeds the demo company once', async () => {
    expect((await cli('seed', [], database)).stdout).toMatch(/Seeded the demo data/);
    expect((await cli('seed', [], database)).stdout).toMatch(/nothing seeded/);
    const [{ n }] = await database.db.query('SELECT COUNT(*) AS n FROM app_user');
    expect(Number(n)).toBeGreaterThanOrEqual(6);
  });

  it('npm run token -- <login> prints a token for a seeded user, signed with JWT_SECRET', async () => {
    const { stdout } = await cli('token', ['anna'], database);
    const { payload } = await jwtVerify(stdout.trim(), new TextEncoder().encode(TEST_SECRET));
    expect(payload.sub).toBe('anna');
    const app = await cli('token', ['anna', '--app', 'shop-sync'], database);
    expect((await jwtVerify(app.stdout.trim(), new TextEncoder().encode(TEST_SECRET))).payload.azp).toBe('shop-sync');
    // Bounded (issue 15 point 5): exp set, 12 h by default, never beyond JWT_MAX_LIFETIME.
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
    await expect(cli('token', ['anna', '--expires', '48h'], database)).rejects.toMatchObject({ stderr: expect.stringMatching(/JWT_MAX_LIFETIME/) });
  });

  it('npm run token refuses an unknown login with a one-line reason', async () => {
    const failure = await cli('token', ['nobody'], database).then(() => undefined, (error: { stderr: string }) => error.stderr);
    expect(failure).toBe(`no user with login "nobody" in ${databaseOf(database)}\n`);
  });

  it('npm run token runs from the sources (no build) and says which database it read', async () => {
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.token).toBe('node -r ./scripts/ts-register.js scripts/token.ts');
    const { stderr } = await cli('token', ['anna'], database);
    expect(stderr).toBe(`token for "anna" of ${databaseOf(database)}, valid 43200s\n`);
  });
});
