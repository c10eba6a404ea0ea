import 'reflect-metadata';
import { Config, ConfigError, DEV_JWT_SECRET, loadConfig } from './config';
import { openDatabase } from './database';
import { logger } from './logger';
import { createServer } from './server/app';
import { seedDemoIfEmpty } from './services/demo/demo-seed';
import { startupFailure } from './startup-errors';

async function main() {
  const config = loadConfig();
  startupConfig = config;
  const db = await openDatabase(config);
  // The embedded default starts with the demo company so a new user has something to query.
  if (!config.databaseUrl && (await seedDemoIfEmpty(db))) logger.info('seeded the demo data into the empty embedded database');
  const server = await createServer(config, db);
  const url = await server.listen(config.port);

  // First signal: drain and exit 0; a second one exits at once (docs/operations.md, shutdown).
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without draining');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.shutdown.graceMs }, 'shutting down: draining requests');
    const { graceMs, delayMs } = config.shutdown;
    setTimeout(() => {
      logger.error('shutdown did not finish in time: exiting');
      process.exit(1);
    }, delayMs + graceMs + 5000).unref();
    await server.stop();
    await db.destroy();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const lines = [
    `Stockgate is listening on ${url}/graphql (${config.databaseUrl ? 'MySQL/MariaDB' : `SQLite in ${config.dataDir}`})`,
    config.playground ? `Playground: ${url}/playground` : 'Playground: off (PLAYGROUND=1 enables it)',
    !config.metrics ? 'Metrics: off (METRICS_PORT serves them on their own port)'
      : server.metricsUrl ? `Metrics: ${server.metricsUrl}/metrics` : `Metrics: ${url}/metrics (development only; METRICS_PORT moves them to their own port)`,
    'Get a token for a demo user (admin, victor, sam, anna, rick, sofia): npm run token -- admin',
    'and send it as the header  Authorization: Bearer <token>',
  ];
  if (config.jwtSecret === DEV_JWT_SECRET) lines.push('Using the development JWT secret: set JWT_SECRET for anything but local use.');
  process.stdout.write(lines.join('\n') + '\n');
}

/** Known once the configuration loaded: start-up failures are then told in one sentence. */
let startupConfig: Config | undefined;

main().catch((error) => {
  const sentence = startupConfig && startupFailure(error, startupConfig);
  if (error instanceof ConfigError || sentence) {
    process.stderr.write((sentence || error.message) + '\n');
  } else {
    logger.fatal({ err: error }, 'failed to start');
  }
  process.exit(1);
});
