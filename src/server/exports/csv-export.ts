import { ApolloServer } from '@apollo/server';
import { stringify } from 'csv-stringify';
import { Request, Response, Router } from 'express';
import { GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';
import { RequestContext } from '../../context';
import { createLoaders } from '../../loaders';
import { Access } from '../../shield/access';
import { RequestRecord, runInRequestScope } from '../request-scope';
import { Column, EXPORTS, ExportSpec } from './export-specs';

export interface ExportOptions {
  authenticate: (header: string | undefined) => Promise<Access>;
  /** Rows per page: the API's page-size limit. */
  pageSize: number;
  /** Each page is one request to the time budget (docs/operations.md), however long the export. */
  budgetMs: number;
}

/** HTTP status of an operation refused as a whole, by its code. */
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, GRAPHQL_VALIDATION_FAILED: 400, LIMIT_EXCEEDED: 400 };

class Refused extends Error {
  constructor(readonly status: number, readonly errors: readonly GraphQLFormattedError[]) { super('refused'); }
}

/**
 * GET /exports/<name>.csv (issue 19 §7, docs/exports.md): what the caller can already query, as
 * CSV, produced by running the export's GraphQL operation through Apollo page by page with the
 * caller's access — field rules and row guards exactly as for the query. The response streams:
 * each page is written (waiting for the socket to drain) before the next is read, so memory stays
 * flat however many rows there are. A refusal before the first row is JSON with the usual error
 * codes; a failure after rows went out ends the stream early and is logged.
 */
export function exportsRouter(apollo: ApolloServer<RequestContext>, db: DataSource, options: ExportOptions): Router {
  const router = Router();
  router.get('/:file', async (req: Request, res: Response) => {
    const name = /^([a-z-]+)\.csv$/.exec(String(req.params.file))?.[1];
    const spec = name ? EXPORTS[name] : undefined;
    if (!spec) return void res.status(404).json({ errors: [{ message: `No export ${req.params.file}; there are ${Object.keys(EXPORTS).map((n) => `${n}.csv`).join(', ')}.`, extensions: { code: 'NOT_FOUND' } }] });
    try {
      const variables = variablesOf(spec, req.query);
      const access = await options.authenticate(req.headers.authorization);
      const parent = res.locals.record as RequestRecord | undefined;
      const run = (extra: Record<string, unknown>) => {
        const startedAt = Date.now();
        const record: RequestRecord = {
          requestId: parent?.requestId ?? 'export', startedAt, deadline: startedAt + options.budgetMs, budgetMs: options.budgetMs,
          viewerId: access.user?.id, codes: [], operationsLogged: 0,
        };
        return runInRequestScope(record, () => execute(apollo, db, access, spec, { ...variables, ...extra }, record.requestId));
      };
      let page = await run(spec.paged ? { first: options.pageSize, after: null } : {});
      res.status(200).type('text/csv; charset=utf-8').attachment(`${name}.csv`);
      const csv = stringify({ header: true, columns: spec.columns.map((c) => c.header), bom: true });
      csv.pipe(res);
      for (;;) {
        for (const item of page.items) {
          for (const row of spec.rows ? spec.rows(item) : [item]) {
            if (!csv.write(spec.columns.map((column) => cell(row, column)))) await new Promise((resolve) => csv.once('drain', resolve));
          }
        }
        if (!page.endCursor) break;
        page = await run({ first: options.pageSize, after: page.endCursor });
      }
      csv.end();
    } catch (error) {
      if (res.headersSent) return void res.destroy(error instanceof Error ? error : undefined);
      if (error instanceof Refused) return void res.status(error.status).json({ errors: error.errors });
      const code = (error as { extensions?: { code?: string } }).extensions?.code;
      if (code && STATUS[code]) return void res.status(STATUS[code]).json({ errors: [{ message: (error as Error).message, extensions: { code } }] });
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  });
  return router;
}

/** Query parameters as the operation's variables; an unknown one is refused (it would be ignored silently). */
function variablesOf(spec: ExportSpec, query: Request['query']): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    const kind = spec.params[key];
    if (!kind || typeof raw !== 'string') {
      throw new Refused(400, [{ message: `Unknown or repeated parameter "${key}"; this export takes ${Object.keys(spec.params).join(', ') || 'none'}.`, extensions: { code: 'BAD_USER_INPUT', field: key } }]);
    }
    variables[key] = kind === 'list' ? raw.split(',').filter(Boolean) : kind === 'boolean' ? raw === 'true' : raw;
  }
  return variables;
}

/** One page through Apollo (formatError, limits and logging plugins included). */
async function execute(apollo: ApolloServer<RequestContext>, db: DataSource, access: Access, spec: ExportSpec, variables: Record<string, unknown>, requestId: string) {
  const contextValue: RequestContext = { db, access, loaders: createLoaders(db, access), deniedCoordinates: new Set(), requestId };
  const response = await apollo.executeOperation({ query: spec.query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('exports run single-result operations only');
  const { data, errors } = response.body.singleResult;
  let list: unknown = data;
  for (const key of spec.list.split('.')) list = (list as Record<string, unknown> | null | undefined)?.[key];
  // The list itself refused (no permission for the root field, bad input): the whole export is.
  if (list === null || list === undefined) {
    const first = errors?.[0];
    throw new Refused(STATUS[String(first?.extensions?.code)] ?? 500, errors ?? [{ message: 'No data', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  }
  const connection = list as { nodes?: Array<Record<string, unknown>>; pageInfo?: { hasNextPage: boolean; endCursor: string | null } };
  if (!spec.paged) return { items: list as Array<Record<string, unknown>>, endCursor: null };
  return { items: connection.nodes ?? [], endCursor: connection.pageInfo?.hasNextPage ? connection.pageInfo.endCursor : null };
}

// A text cell starting like a formula would run in a spreadsheet (CSV injection): prefix it with '.
const FORMULA = /^[=+\-@\t\r]/;

function cell(row: Record<string, unknown>, column: Column): string {
  let value: unknown = row;
  for (const key of column.path.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[key];
  if (value === null || value === undefined) return '';
  const text = String(value);
  return column.text && FORMULA.test(text) ? `'${text}` : text;
}
