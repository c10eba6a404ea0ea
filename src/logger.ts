import pino from 'pino';

type Sink = (line: string) => void;
let sink: Sink = (line) => void process.stdout.write(line);

/** Tests read the log lines the server writes (test/hardening/observability.test.ts); returns the restore function. */
export function setLogSink(next: Sink): () => void {
  const previous = sink;
  sink = next;
  return () => { sink = previous; };
}

/**
 * Structured JSON logs, one object per line. LOG_LEVEL sets the level (default info; silent
 * under jest unless set). Tokens, passwords and authorization headers never reach a line:
 * the server logs no headers, variables or query text, and these paths are redacted anyway.
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info'),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'authorization', 'token', 'password', '*.token', '*.password', 'variables'],
      censor: '[redacted]',
    },
  },
  { write: (line: string) => sink(line) },
);
