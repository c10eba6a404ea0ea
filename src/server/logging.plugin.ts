import { randomUUID } from 'node:crypto';
import { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { RequestContext } from '../context';
import { logger } from '../logger';
import { Metrics, Outcome } from './metrics';
import { RequestHandler } from 'express';
import { acceptRequestId, currentRequest, RequestRecord } from './request-scope';

export interface OperationLine {
  requestId: string;
  viewerId: number | null;
  operationName: string | null;
  durationMs: number;
  outcome: Outcome;
  errorCodes: string[];
}

/** The one line per operation (and its metrics); never the query text, variables or headers. */
export function recordOperation(metrics: Metrics, line: OperationLine): void {
  logger.info(line, 'graphql operation');
  metrics.recordOperation(line.operationName ?? undefined, line.outcome, line.durationMs / 1000, line.errorCodes);
}

function outcomeOf(rc: GraphQLRequestContextWillSendResponse<RequestContext>): { outcome: Outcome; codes: string[] } {
  const body = rc.response.body;
  const result = body.kind === 'single' ? body.singleResult : body.initialResult;
  const codes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
  const hasData = result.data !== undefined && result.data !== null;
  return { outcome: codes.length === 0 ? 'success' : hasData ? 'partial' : 'error', codes };
}

/** Logs and counts every operation Apollo runs (including those refused by parsing, validation and limits). */
export function loggingPlugin(metrics: Metrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      const record: RequestRecord | undefined = currentRequest();
      return {
        async willSendResponse(rc) {
          const { outcome, codes } = outcomeOf(rc);
          if (record) record.operationsLogged += 1;
          recordOperation(metrics, {
            requestId: contextValue.requestId,
            viewerId: contextValue.access.user?.id ?? null,
            operationName: rc.operationName ?? rc.request.operationName ?? null,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
            outcome,
            errorCodes: codes,
          });
        },
      };
    },
    async invalidRequestWasReceived({ error }) {
      currentRequest()?.codes.push(String((error as { extensions?: { code?: unknown } }).extensions?.code ?? 'BAD_REQUEST'));
    },
  };
}

/** Gives every request its record (request id, deadline) and, if no operation logged one, its log line. */
export function observeRequests(metrics: Metrics, budgetMs: number): RequestHandler {
  return (req, res, next) => {
    const startedAt = Date.now();
    const record: RequestRecord = {
      requestId: acceptRequestId(req.headers['x-request-id'], randomUUID),
      startedAt, deadline: startedAt + budgetMs, budgetMs, codes: [], operationsLogged: 0,
    };
    res.locals.record = record;
    res.setHeader('x-request-id', record.requestId);
    // A request refused before Apollo ran an operation still gets its one log line.
    res.on('finish', () => {
      if (record.operationsLogged > 0) return;
      const name = (req.body as { operationName?: unknown } | undefined)?.operationName;
      recordOperation(metrics, {
        requestId: record.requestId, viewerId: record.viewerId ?? null, operationName: typeof name === 'string' ? name : null,
        durationMs: Date.now() - startedAt, outcome: res.statusCode < 400 && record.codes.length === 0 ? 'success' : 'error',
        errorCodes: record.codes.length ? record.codes : res.statusCode >= 400 ? [`HTTP_${res.statusCode}`] : [],
      });
    });
    next();
  };
}
