import path from 'node:path';

/** The development JWT secret: fine on a laptop, refused in production (DESIGN §5 identity). */
export const DEV_JWT_SECRET = 'stockgate-development-secret-do-not-use-in-production';

export interface Config {
  production: boolean;
  port: number;
  /** mysql://user:pass@host:port/db, or undefined for the embedded SQLite default. */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret?: string;
  jwksUrl?: string;
  /** Expected `iss` / `aud` claims, when set. */
  jwtIssuer?: string;
  jwtAudience?: string;
  playground: boolean;
  introspection: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const jwksUrl = env.JWKS_URL || undefined;
  const jwtSecret = env.JWT_SECRET || (jwksUrl || production ? undefined : DEV_JWT_SECRET);
  const config: Config = {
    production,
    port: Number(env.PORT ?? 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    jwtSecret,
    jwksUrl,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    playground: flag(env.PLAYGROUND, !production),
    introspection: flag(env.INTROSPECTION, !production),
  };
  assertSafe(config);
  return config;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return value === '1' || value.toLowerCase() === 'true';
}

/** Startup refuses insecure or incomplete configuration with a one-line reason. */
function assertSafe(config: Config): void {
  if (!config.jwtSecret && !config.jwksUrl) {
    throw new ConfigError('Refusing to start: set JWT_SECRET (HS256) or JWKS_URL (RS256/ES256).');
  }
  if (config.production && config.jwtSecret === DEV_JWT_SECRET) {
    throw new ConfigError('Refusing to start: JWT_SECRET is the development secret; set a real one in production.');
  }
  if (config.production && config.jwtSecret && config.jwtSecret.length < 32) {
    throw new ConfigError('Refusing to start: JWT_SECRET must be at least 32 characters in production.');
  }
  if (config.databaseUrl && !/^(mysql|mariadb):\/\//.test(config.databaseUrl)) {
    throw new ConfigError('Refusing to start: DATABASE_URL must be mysql://user:pass@host:port/db.');
  }
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
    throw new ConfigError('Refusing to start: PORT must be an integer between 0 and 65535.');
  }
}
