import { GraphQLError } from 'graphql';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../../context';
import { badInput, DomainError, fieldErrorsOf } from '../../errors';
import { CreateDocumentInput } from '../../schema/document-input.type';
import { ruleDenial } from '../../shield';
import { discardSince, recordedCount } from '../platform/events';
import { inTransaction } from '../platform/transaction';
import { documentService, DocumentResult } from './document.service';
import { LIMITS } from '../../limits/limits';

/** At most this many documents per bulk request (issue 16 §5): the limits table's bulkDocuments. */
export const MAX_BULK_DOCUMENTS = LIMITS.bulkDocuments;
/** At most this many lines over all documents of one bulk create. */
export const MAX_BULK_LINES = LIMITS.documentLines;

export interface BulkItemError { code: string; message: string; details: Record<string, unknown> | null }
export interface BulkItemResult { index: number; document: DocumentResult | null; error: BulkItemError | null }
export interface BulkResult { atomic: boolean; applied: boolean; succeeded: number; failed: number; results: BulkItemResult[] }

export interface DocumentVersion { id: string; version: number }

/**
 * Bulk create and process for integrations (issue 16 §5): each item runs exactly what the single
 * mutation runs — the same field rule (evaluated per item, ruleDenial), validation, locks and
 * ledger append — inside a savepoint of one transaction, and gets its own result: the document,
 * or the typed error it failed with. `atomic`: if any item fails, nothing is written. One
 * transaction means one commit (one fsync) for the whole batch.
 */
export const bulkDocumentService = {
  create(ctx: RequestContext, inputs: CreateDocumentInput[], atomic: boolean): Promise<BulkResult> {
    limitSize(inputs.length, 'inputs');
    const lines = inputs.reduce((n, input) => n + (input.items?.length ?? 0), 0);
    if (lines > MAX_BULK_LINES) throw badInput('inputs', `a bulk create has at most ${MAX_BULK_LINES} lines in all (${lines} given).`);
    return runBulk(ctx, inputs, atomic, (tx, input, index) => {
      const denial = ruleDenial(ctx.access, 'Mutation', 'createDocument', { input });
      if (denial) throw new DomainError(denial.code, denial.message, denial.permission ? { permission: denial.permission } : {});
      // Fields are named from the item (`inputs[2].items[0].quantity`), as createDocument names them from `input` (issue 18 §4).
      return documentService.createIn(tx, ctx, input, `inputs[${index}]`);
    });
  },

  process(ctx: RequestContext, documents: DocumentVersion[], atomic: boolean): Promise<BulkResult> {
    limitSize(documents.length, 'documents');
    return runBulk(ctx, documents, atomic, async (tx, { id, version }, index) => {
      const denial = ruleDenial(ctx.access, 'Mutation', 'processDocument', { id, version });
      if (denial) throw new DomainError(denial.code, denial.message, denial.permission ? { permission: denial.permission } : {});
      try {
        return await documentService.processIn(tx, ctx, id, version);
      } catch (error) {
        throw itemArguments(error, `documents[${index}]`);
      }
    });
  },
};

function limitSize(count: number, field: string) {
  if (count > MAX_BULK_DOCUMENTS) throw badInput(field, `at most ${MAX_BULK_DOCUMENTS} documents per request (${count} given).`);
}

/** The arguments of processDocument, which are the fields of one processDocuments entry. */
const PROCESS_ARGUMENTS = new Set(['id', 'version']);

/**
 * processDocument names its arguments (`id`, `version`); in processDocuments they are fields of the
 * entry, so its result names `documents[2].version` (issue 18 §4). Fields of the stored document
 * (`documentDate`, `items[0].productId`) are named as processDocument names them.
 */
function itemArguments(error: unknown, at: string): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const field = error.extensions.field;
  if (typeof field === 'string' && PROCESS_ARGUMENTS.has(field)) error.extensions.field = `${at}.${field}`;
  return error;
}

/** Thrown out of the transaction to roll an all-or-nothing batch back, carrying the results. */
class RolledBack extends Error {
  constructor(readonly results: BulkItemResult[]) { super('bulk request rolled back'); }
}

async function runBulk<T>(ctx: RequestContext, items: T[], atomic: boolean,
  one: (tx: EntityManager, item: T, index: number) => Promise<DocumentResult>): Promise<BulkResult> {
  try {
    // A deadlock reruns the whole batch (inTransaction): results are built afresh on every attempt.
    const results = await inTransaction(ctx.db, async (tx) => {
      const done: BulkItemResult[] = [];
      for (const [index, item] of items.entries()) {
        const recorded = recordedCount(tx);
        try {
          done.push({ index, document: await tx.transaction((savepoint) => one(savepoint, item, index)), error: null });
        } catch (error) {
          discardSince(tx, recorded); // the savepoint rolled back: no change event for it (docs/subscriptions.md)
          const typed = typedError(error);
          if (!typed) throw error;
          done.push({ index, document: null, error: typed });
        }
      }
      if (atomic && done.some((r) => r.error)) throw new RolledBack(done);
      return done;
    });
    return summary(results, atomic, true);
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    const failed = error.results.filter((r) => r.error).map((r) => r.index);
    const notApplied: BulkItemError = {
      code: 'NOT_APPLIED', message: `Not applied: the request was all-or-nothing and item(s) ${failed.join(', ')} failed.`, details: null,
    };
    return summary(error.results.map((r) => (r.error ? r : { index: r.index, document: null, error: notApplied })), atomic, false);
  }
}

/**
 * A typed error the API raises on purpose (DomainError and friends); anything else fails the whole
 * request. A BAD_USER_INPUT lists its fields in `fieldErrors` as a top-level one does (format-error.ts).
 */
function typedError(error: unknown): BulkItemError | null {
  if (!(error instanceof GraphQLError) || typeof error.extensions.code !== 'string') return null;
  const { code, ...details } = error.extensions;
  if (code === 'BAD_USER_INPUT' && !details.fieldErrors) details.fieldErrors = fieldErrorsOf(error.extensions, error.message);
  return { code, message: error.message, details: Object.keys(details).length > 0 ? details : null };
}

const summary = (results: BulkItemResult[], atomic: boolean, applied: boolean): BulkResult => ({
  atomic, applied, results,
  succeeded: results.filter((r) => r.document).length,
  failed: results.filter((r) => r.error).length,
});
