import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { sendError } from './limits';

export const operationHash = (query: string) => createHash('sha256').update(query, 'utf8').digest('hex');

/**
 * The allow-list: sha256 hex digests of the exact query texts, one per line (blank lines and
 * `#` comments ignored), or a JSON array of them.
 */
export function readTrustedOperations(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8').trim();
  const entries: unknown[] = text.startsWith('[') ? JSON.parse(text) : text.split('\n').map((line) => line.replace(/#.*/, '').trim());
  return new Set(entries.filter((e): e is string => typeof e === 'string' && /^[0-9a-f]{64}$/i.test(e)).map((e) => e.toLowerCase()));
}

/**
 * Trusted-operations mode: a request runs only if every operation in it is on the allow-list;
 * anything else is FORBIDDEN_OPERATION before parsing, so no resolver runs.
 */
export function trustedOperations(allowed: Set<string>): RequestHandler {
  return (req, res, next) => {
    const operations: unknown[] = Array.isArray(req.body) ? req.body : [req.method === 'GET' ? req.query : req.body];
    const trusted = operations.every((op) => {
      const query = (op as { query?: unknown } | undefined)?.query;
      return typeof query === 'string' && allowed.has(operationHash(query));
    });
    if (trusted) return next();
    sendError(res, 400, new GraphQLError('Only trusted operations may run on this server.', { extensions: { code: 'FORBIDDEN_OPERATION' } }));
  };
}
