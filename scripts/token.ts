import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { User } from '../src/entities/user.entity';
import { mintToken } from '../src/server/identity';
import { describeUrl } from '../src/startup-errors';

/**
 * `npm run token -- <login> [--app <clientId>] [--expires 12h]`: prints a development
 * token for an existing user, signed with JWT_SECRET (HS256). Runs from the sources
 * (scripts/ts-register.js), so it needs no build.
 */
async function main(argv: string[]) {
  const login = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const option = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
  if (!login) throw new Error('usage: npm run token -- <login> [--app <clientId>] [--expires 12h]');
  const config = loadConfig();
  if (!config.jwtSecret) throw new Error('tokens can only be minted with JWT_SECRET (HS256); with JWKS_URL your identity provider issues them');
  // Said on every answer, on stderr (stdout is only the token): a login "missing" is most often the wrong database.
  const database = config.databaseUrl ? `MySQL/MariaDB ${describeUrl(config.databaseUrl)}` : `SQLite in ${config.dataDir}`;
  const db = await openDatabase(config);
  try {
    const user = await db.getRepository(User).findOneBy({ login });
    if (!user) throw new Error(`no user with login "${login}" in ${database}`);
    if (!user.active) throw new Error(`user "${login}" is deactivated`);
    const expiresIn = option('expires') ?? `${Math.min(12 * 3600, config.jwtMaxLifetimeSeconds)}s`;
    const lifetime = secondsOf(expiresIn);
    if (lifetime === undefined || lifetime > config.jwtMaxLifetimeSeconds) {
      throw new Error(`--expires must be a duration such as 30m or 12h, at most JWT_MAX_LIFETIME (${config.jwtMaxLifetimeSeconds} s): the server refuses longer tokens`);
    }
    const token = await mintToken(config.jwtSecret, login, {
      clientId: option('app'), expiresIn, issuer: config.jwtIssuer, audience: config.jwtAudience,
    });
    process.stdout.write(token + '\n');
    process.stderr.write(`token for "${login}" of ${database}, valid ${expiresIn}\n`);
  } finally {
    await db.destroy();
  }
}

/** "90m", "12h", "2d", "3600s" in seconds (the forms jose's setExpirationTime takes most often). */
function secondsOf(text: string): number | undefined {
  const match = /^(\d+)\s*(s|sec|m|min|h|hr|d|day)s?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit: Record<string, number> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600, d: 86400, day: 86400 };
  return Number(match[1]) * unit[match[2].toLowerCase()];
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
