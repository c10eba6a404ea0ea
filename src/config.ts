import fs from 'node:fs';
import path from 'node:path';
import type { ShutdownSettings } from './server/graceful-shutdown';
import { DEV_ID_SECRET } from './services/platform/opaque-ids';
import { estimatedSecretBits, MIN_SECRET_BITS } from './server/secret-strength';

/** The development JWT secret: fine on a laptop, refused in production (DESIGN §5 identity). */
export const DEV_JWT_SECRET = 'stockgate-development-secret-do-not-use-in-production';

/** Query limits (docs/operations.md lists the variables and why these defaults). */
export interface Limits {
  /** Deepest field nesting of an operation (graphql-armor maxDepth). */
  maxDepth: number;
  /** Aliases per operation (graphql-armor maxAliases). */
  maxAliases: number;
  /** Static cost of an operation (graphql-armor costLimit: objects 2, scalars 1, ×1.5 per level). */
  maxCost: number;
  /** Lexical tokens of a document (graphql-js parser maxTokens). */
  maxTokens: number;
  /** Directives per operation (graphql-armor maxDirectives). */
  maxDirectives: number;
  /** Largest `first` of every connection. */
  maxPageSize: number;
  /** Largest request body in bytes (express.json limit). */
  maxBodyBytes: number;
  /** Wall-clock budget of one operation in ms: no SQL statement starts after it, and none runs longer (MariaDB). */
  timeBudgetMs: number;
  /** Operations per batched HTTP request; 0 = batching off. */
  maxBatchSize: number;
  /** Active subscriptions on one graphql-ws connection (docs/subscriptions.md). */
  maxSubscriptions: number;
  /** Events waiting for one subscription before it is closed as a slow consumer. */
  subscriptionQueue: number;
  /** A graphql-ws connection without an active subscription for this long (ms) is closed. */
  subscriptionIdleMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 20000,
  maxTokens: 3000,
  maxDirectives: 20,
  maxPageSize: 200,
  // 2 MiB: a 10,000-row CSV import (~800 KiB) fits in one request (issue 9); the other limits bound the work.
  maxBodyBytes: 2 * 1024 * 1024,
  timeBudgetMs: 10_000,
  maxBatchSize: 0,
  maxSubscriptions: 20,
  // One document of the most lines, both sides of a transfer (2 × documentLines), fits: its posting is one burst of events.
  subscriptionQueue: 2000,
  subscriptionIdleMs: 60_000,
};

/** The variable of each configurable limit (docs/operations.md). */
export const LIMIT_ENV: Record<keyof Limits, string> = {
  maxDepth: 'LIMIT_DEPTH',
  maxAliases: 'LIMIT_ALIASES',
  maxCost: 'LIMIT_COST',
  maxTokens: 'LIMIT_TOKENS',
  maxDirectives: 'LIMIT_DIRECTIVES',
  maxPageSize: 'LIMIT_PAGE_SIZE',
  maxBodyBytes: 'LIMIT_BODY_BYTES',
  timeBudgetMs: 'LIMIT_TIME_BUDGET_MS',
  maxBatchSize: 'LIMIT_BATCH_SIZE',
  maxSubscriptions: 'LIMIT_SUBSCRIPTIONS',
  subscriptionQueue: 'LIMIT_SUBSCRIPTION_QUEUE',
  subscriptionIdleMs: 'LIMIT_SUBSCRIPTION_IDLE_MS',
};

export interface Config {
  production: boolean;
  port: number;
  /** mysql://user:pass@host:port/db, or undefined for the embedded SQLite default. */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret?: string;
  /** The secret opaque ids and cursors are derived from (ID_SECRET; docs/operations.md): changing it changes every id. */
  idSecret: string;
  jwksUrl?: string;
  /** Expected `iss` / `aud` claims, when set. */
  jwtIssuer?: string;
  jwtAudience?: string;
  /** Longest accepted token lifetime (`exp` − `iat`), in seconds (JWT_MAX_LIFETIME, default 24 h). */
  jwtMaxLifetimeSeconds: number;
  playground: boolean;
  introspection: boolean;
  /** "Did you mean …" hints in validation errors (they reveal schema to clients that cannot introspect). */
  fieldSuggestions: boolean;
  /** Prometheus metrics at /metrics (METRICS=0 turns them off). */
  metrics: boolean;
  /**
   * METRICS_PORT: serve /metrics on this separate port instead of the API's. Production serves
   * metrics only there (off when unset); development serves them on the API port when unset.
   */
  metricsPort?: number;
  /** When set, only operations whose sha256 is listed in this file run (trusted-operations mode). */
  trustedOperationsFile?: string;
  limits: Limits;
  shutdown: ShutdownSettings;
  /** A MariaDB read replica for query operations (DATABASE_REPLICA_URL), bypassed past REPLICA_MAX_LAG_MS of lag. */
  replica?: { url: string; maxLagMs: number };
  /** Redis pub/sub for change events across instances (REDIS_URL); without it, events stay in this process. */
  redis?: { url: string; channel: string };
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
    idSecret: env.ID_SECRET || DEV_ID_SECRET,
    jwksUrl,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    jwtMaxLifetimeSeconds: duration(env, 'JWT_MAX_LIFETIME', 24 * 3600),
    playground: flag(env.PLAYGROUND, !production),
    introspection: flag(env.INTROSPECTION, !production),
    fieldSuggestions: flag(env.FIELD_SUGGESTIONS, !production),
    // Metrics carry other users' operation names and error counts: never public in production (issue 15 point 6).
    metrics: flag(env.METRICS, true) && (!production || Boolean(env.METRICS_PORT)),
    metricsPort: env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined,
    trustedOperationsFile: env.TRUSTED_OPERATIONS_FILE || undefined,
    limits: loadLimits(env),
    replica: env.DATABASE_REPLICA_URL ? { url: env.DATABASE_REPLICA_URL, maxLagMs: millis(env, 'REPLICA_MAX_LAG_MS', 1000) } : undefined,
    redis: env.REDIS_URL ? { url: env.REDIS_URL, channel: env.REDIS_CHANNEL || 'stockgate:changes' } : undefined,
    shutdown: { graceMs: millis(env, 'SHUTDOWN_GRACE_MS', 10_000), delayMs: millis(env, 'SHUTDOWN_DELAY_MS', 0) },
  };
  assertSafe(config, env);
  return config;
}

/** Limits from LIMIT_* variables over the defaults; a value that is not a non-negative integer refuses startup. */
export function loadLimits(env: NodeJS.ProcessEnv = process.env): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as Array<keyof Limits>) {
    const raw = env[LIMIT_ENV[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    const min = key === 'maxBatchSize' ? 0 : 1;
    if (!Number.isInteger(value) || value < min) {
      throw new ConfigError(`Refusing to start: ${LIMIT_ENV[key]} must be an integer >= ${min} (got "${raw}").`);
    }
    limits[key] = value;
  }
  return limits;
}

/** The page-size limit for schema modules loaded before loadConfig runs (a bad value is refused there, with its reason). */
export function configuredMaxPageSize(env: NodeJS.ProcessEnv = process.env): number {
  try {
    return loadLimits(env).maxPageSize;
  } catch {
    return DEFAULT_LIMITS.maxPageSize;
  }
}

function millis(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`Refusing to start: ${name} must be a whole number of milliseconds (got "${raw}").`);
  return value;
}

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** A duration in seconds: "86400", "90m", "24h" or "7d". */
function duration(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d+)\s*([smhd]?)$/.exec(raw.trim());
  if (!match || Number(match[1]) <= 0) throw new ConfigError(`Refusing to start: ${name} must be a positive duration such as 3600, 90m, 24h or 7d (got "${raw}").`);
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return value === '1' || value.toLowerCase() === 'true';
}

/** Startup refuses insecure or incomplete configuration with a one-line reason. */
function assertSafe(config: Config, env: NodeJS.ProcessEnv): void {
  if (!config.jwtSecret && !config.jwksUrl) {
    throw new ConfigError('Refusing to start: set JWT_SECRET (HS256) or JWKS_URL (RS256/ES256).');
  }
  if (config.production && config.jwtSecret === DEV_JWT_SECRET) {
    throw new ConfigError('Refusing to start: JWT_SECRET is the development secret; set a real one in production.');
  }
  if (config.production && config.jwtSecret && config.jwtSecret.length < 32) {
    throw new ConfigError('Refusing to start: JWT_SECRET must be at least 32 characters in production.');
  }
  // Length alone lets 32 spaces through (issue 15 point 5); the estimate is explained in secret-strength.ts.
  if (config.production && config.jwtSecret && estimatedSecretBits(config.jwtSecret) < MIN_SECRET_BITS) {
    throw new ConfigError(`Refusing to start: JWT_SECRET has too little entropy (under ${MIN_SECRET_BITS} bits estimated); generate one, e.g. openssl rand -base64 48.`);
  }
  // Production data lives in MySQL/MariaDB (DESIGN §5); the embedded file is for laptops and demos.
  if (config.production && !config.databaseUrl && !flag(env.ALLOW_EMBEDDED_DATABASE, false)) {
    throw new ConfigError('Refusing to start: DATABASE_URL is required in production (ALLOW_EMBEDDED_DATABASE=1 accepts the embedded SQLite file).');
  }
  if (config.databaseUrl && !/^(mysql|mariadb):\/\//.test(config.databaseUrl)) {
    throw new ConfigError('Refusing to start: DATABASE_URL must be mysql://user:pass@host:port/db.');
  }
  if (config.replica && (!config.databaseUrl || !/^(mysql|mariadb):\/\//.test(config.replica.url))) {
    throw new ConfigError('Refusing to start: DATABASE_REPLICA_URL must be mysql://… and needs DATABASE_URL for the primary.');
  }
  if (config.redis && !/^rediss?:\/\//.test(config.redis.url)) {
    throw new ConfigError('Refusing to start: REDIS_URL must be redis://host:port (or rediss://).');
  }
  if (config.jwksUrl && config.production && !config.jwksUrl.startsWith('https://')) {
    throw new ConfigError('Refusing to start: JWKS_URL must be https:// in production.');
  }
  if (config.trustedOperationsFile && !fs.existsSync(config.trustedOperationsFile)) {
    throw new ConfigError(`Refusing to start: TRUSTED_OPERATIONS_FILE ${config.trustedOperationsFile} does not exist.`);
  }
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
    throw new ConfigError('Refusing to start: PORT must be an integer between 0 and 65535.');
  }
  if (config.metricsPort !== undefined && (!Number.isInteger(config.metricsPort) || config.metricsPort < 0 || config.metricsPort > 65535)) {
    throw new ConfigError('Refusing to start: METRICS_PORT must be an integer between 0 and 65535.');
  }
  if (config.metricsPort !== undefined && config.metricsPort !== 0 && config.metricsPort === config.port) {
    throw new ConfigError('Refusing to start: METRICS_PORT must differ from PORT (metrics never share the public API port).');
  }
  if (config.production && flag(env.METRICS, false) && config.metricsPort === undefined) {
    throw new ConfigError('Refusing to start: METRICS=1 in production needs METRICS_PORT (metrics are never served on the public API port).');
  }
  if (config.production && (config.idSecret === DEV_ID_SECRET || estimatedSecretBits(config.idSecret) < MIN_SECRET_BITS)) {
    throw new ConfigError('Refusing to start: set ID_SECRET in production (ids are derived from it; generate one, e.g. openssl rand -base64 48).');
  }
}
