import { EntityManager } from 'typeorm';
import { InventoryDocument } from '../../entities/inventory-document.entity';
import { Settings } from '../../entities/settings.entity';
import { badInput, InputErrors, invalidState } from '../../errors';
import { LIMITS, TEXT_LENGTHS } from '../../limits/limits';
import { DocumentType } from '../../shield/permission-catalog';

const DAY_MS = 86_400_000;

/** The UTC calendar day 'YYYY-MM-DD' of an instant: documents, ledger and reports count UTC days (DESIGN §4). */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** The last day a document may be dated: today + LIMITS.documentDateDaysAhead (a draft may plan a delivery). */
const latestDay = (now: Date) => utcDay(new Date(now.getTime() + LIMITS.documentDateDaysAhead * DAY_MS));

/**
 * The instant a document's ledger rows carry (issue 19 §1): the processing instant when it is
 * dated the day it is processed, else the start (00:00 UTC) of its date — it counts on that day
 * in every report, rollup, `stockLevels(at:)` and `movements`, before the rows posted that day.
 */
export const ledgerInstant = (documentDate: string, now: Date): Date =>
  (documentDate === utcDay(now) ? now : new Date(`${documentDate}T00:00:00.000Z`));

/**
 * The instant an inventory count's rows carry (issue 19 §2): the processing instant when it is
 * dated the day it is processed, else the last millisecond of its date — a count dated D states
 * the stock at the end of D, so its book quantity is `stockLevels(at: D)` and its rows come after
 * every row dated D (docs/documents.md "Stocktaking").
 */
export const countInstant = (documentDate: string, now: Date): Date =>
  (documentDate === utcDay(now) ? now : new Date(`${documentDate}T23:59:59.999Z`));

/**
 * `settings.closedBefore`, read only for a day before today: closedBefore is never after the day
 * it was set (settings-admin.service.ts), so today and later are always open and a same-day
 * posting reads no settings row (test/documents/posting-statements.test.ts). Read under a shared
 * lock on MariaDB, so a period being closed waits for the postings into it already under way and
 * every later one sees it closed (SQLite's write transactions are serialized anyway).
 */
async function closedBefore(tx: EntityManager, day: string, now: Date): Promise<string | null> {
  if (day >= utcDay(now)) return null;
  // Written out: TypeORM's pessimistic_read says FOR SHARE to a MariaDB 10+ (a MySQL 8 keyword MariaDB lacks).
  const lock = tx.connection.options.type === 'mysql' ? ' LOCK IN SHARE MODE' : '';
  const rows: Array<Pick<Settings, 'closedBefore'>> = await tx.query(`SELECT closedBefore FROM settings WHERE id = 1${lock}`);
  const closed = rows[0]?.closedBefore ?? null;
  return closed !== null && day < closed ? closed : null;
}

/** A document date given in create/update: within the bound ahead, and not in a closed period (BAD_USER_INPUT on `field`). */
export async function checkDocumentDate(tx: EntityManager, day: string | null, field: string, errors: InputErrors, now = new Date()): Promise<string | undefined> {
  if (day === null) {
    errors.add(field, 'must be a date; omit it to keep the current one');
    return undefined;
  }
  if (day > latestDay(now)) {
    errors.add(field, `must be at most ${LIMITS.documentDateDaysAhead} days ahead (documentDateDaysAhead)`);
    return undefined;
  }
  const closed = await closedBefore(tx, day, now);
  if (closed !== null) {
    errors.add(field, `${day} is in a closed period: days before ${closed} are closed (settings.closedBefore)`);
    return undefined;
  }
  return day;
}

/**
 * Refuses processing or cancelling a document whose ledger day lies in a closed period
 * (INVALID_STATE, reason PERIOD_CLOSED), and processing one dated after today (BAD_USER_INPUT on
 * `documentDate`): the ledger never holds the future, so today's levels are the stock at the end of today.
 */
export async function assertPeriodOpen(tx: EntityManager, doc: InventoryDocument, day: string, action: 'processed' | 'cancelled', now: Date): Promise<void> {
  if (action === 'processed' && day > utcDay(now)) {
    throw badInput('documentDate', `document ${doc.number} is dated ${day}, after today (${utcDay(now)}, UTC): it can be processed from that day on`);
  }
  const closed = await closedBefore(tx, day, now);
  if (closed === null) return;
  throw invalidState(`Document ${doc.number} is dated ${day}, in a closed period (days before ${closed} are closed): it cannot be ${action}.`, {
    status: doc.status, reason: 'PERIOD_CLOSED', field: 'documentDate', documentDate: day, closedBefore: closed,
  });
}

/** The receipt header: supplier, the supplier's document number and its date (issue 19 §1). */
export interface ReceiptFields { supplier?: string | null; incomingNumber?: string | null; incomingDate?: string | null }

const TEXTS = { supplier: TEXT_LENGTHS.supplier, incomingNumber: TEXT_LENGTHS.incomingNumber } as const;

/**
 * The receipt fields present in `input` (null clears one), trimmed and bounded; refused on a
 * document that is not a STOCK_RECEIPT — only a receipt comes from a supplier.
 */
export function receiptFields(type: DocumentType, input: ReceiptFields, prefix: string, errors: InputErrors, now = new Date()): Partial<ReceiptFields> {
  const changes: Partial<ReceiptFields> = {};
  for (const key of ['supplier', 'incomingNumber', 'incomingDate'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    const field = `${prefix}.${key}`;
    if (value !== null && type !== DocumentType.STOCK_RECEIPT) {
      errors.add(field, `only a STOCK_RECEIPT has a ${key}`);
      continue;
    }
    if (value === null) changes[key] = null;
    else if (key === 'incomingDate') {
      if (value > latestDay(now)) errors.add(field, `must be at most ${LIMITS.documentDateDaysAhead} days ahead (documentDateDaysAhead)`);
      else changes[key] = value;
    } else {
      const text = value.trim();
      if (text.length > TEXTS[key]) errors.add(field, `must be at most ${TEXTS[key]} characters`);
      else changes[key] = text.length === 0 ? null : text;
    }
  }
  return changes;
}
