import pino from 'pino';

/**
 * Structured JSON logs. LOG_LEVEL sets the level (default info; silent under jest unless set).
 * Authorization headers never reach a log line (redacted).
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info'),
  redact: ['req.headers.authorization', 'authorization', 'token'],
});
