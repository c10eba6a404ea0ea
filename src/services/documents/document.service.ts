import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { EntityManager, In } from 'typeorm';
import { RequestContext } from '../../context';
import { DocumentItem } from '../../entities/document-item.entity';
import { DocumentStatus, InventoryDocument } from '../../entities/inventory-document.entity';
import { StockMovement } from '../../entities/stock-movement.entity';
import { forbidden, InputErrors, invalidState } from '../../errors';
import { CreateDocumentInput, UpdateDocumentInput } from '../../schema/document-input.type';
import { canActOnDocument } from '../../shield/document-access';
import { DocumentAction, DocumentType } from '../../shield/permission-catalog';
import { assertCanAct, assertVersion, documentNotFound, factsOf } from './document-lifecycle';
import { numberingWarehouse, takeDocumentNumber } from './document-number';
import { planLineEdit } from './document-edit';
import { countedOnce, Line, lineFromInput, lineOfItem, tooManyLines, validateLines, validDealRef, validTitle } from './document-validation';
import { parseId } from '../platform/ids';
import { isMysql, moveStock, postMovements } from './ledger.service';
import { applyRollups } from '../reports/rollup-writer';
import { reversalOf } from './movements';
import { exactly, plannedRowsOf, valueRows } from './valuation';
import { assertNothingLeftSince, captureCosts, purchasePriceOf } from './cost-capture';
import { consumeDealReservations } from './reservation.service';
import { getSettings } from '../catalog/settings.service';
import { recordChanges } from '../platform/events';
import { inTransaction } from '../platform/transaction';
import { insertInChunks } from '../platform/bulk';
import { deleteDocumentWarehouses, writeDocumentWarehouses } from './document-warehouses';
import { LIMITS } from '../../limits/limits';
import { assertPeriodOpen, checkDocumentDate, countInstant, ledgerInstant, receiptFields, utcDay } from './document-dates';
import { planCount } from './stock-count';

/** A document as mutations return it: the entity plus every warehouse its items touch (DocumentFacts). */
export type DocumentResult = InventoryDocument & { warehouseIds: number[] };

const result = (doc: InventoryDocument, items: Array<Pick<DocumentItem, 'fromWarehouseId' | 'toWarehouseId'>>): DocumentResult =>
  Object.assign(doc, { warehouseIds: factsOf(doc, items).warehouseIds });

/**
 * The document lifecycle of DESIGN §1: DRAFT → PROCESSED → CANCELLED. Every mutation is one
 * transaction that first locks the document row (so edits, processing and cancellation of one
 * document are serialized), then asks canActOnDocument, then the version.
 */
export const documentService = {
  create(ctx: RequestContext, input: CreateDocumentInput): Promise<DocumentResult> {
    return inTransaction(ctx.db, (tx) => documentService.createIn(tx, ctx, input));
  },

  /**
   * create inside the caller's transaction (bulk-document.service.ts runs one per savepoint).
   * `at` is the input's path in the request, the root of every field an error names (issue 18 §4):
   * `input` for createDocument, `inputs[2]` for an item of createDocuments.
   */
  async createIn(tx: EntityManager, ctx: RequestContext, input: CreateDocumentInput, at = 'input'): Promise<DocumentResult> {
    const type = input.type;
    const errors = new InputErrors();
    const title = errors.check(() => validTitle(input.title, `${at}.title`));
    const dealRef = errors.check(() => validDealRef(input.dealRef, `${at}.dealRef`));
    // Issue 19 §1: dated today unless given; a receipt's supplier, number and date.
    const now = new Date();
    const documentDate = input.documentDate === undefined ? utcDay(now) : await checkDocumentDate(tx, input.documentDate, `${at}.documentDate`, errors, now);
    const receipt = receiptFields(type, input, at, errors, now);
    const lines = (input.items ?? []).map((item, i) => lineFromInput(item, `${at}.items[${i}]`, errors));
    countedOnce(type, lines, errors);
    const { warehouses } = await validateLines(tx, ctx.access, type, lines, `${at}.items`, errors);
    if (!canActOnDocument(ctx.access, factsOf({ type, status: DocumentStatus.DRAFT }, lines), DocumentAction.EDIT)) {
      // Lines are already checked warehouse by warehouse, so only DOCUMENT VIEW can be missing here.
      throw forbidden(`Missing permission DOCUMENT:${type}:VIEW: drafts you create must be visible to you.`, { permission: `DOCUMENT:${type}:VIEW` });
    }
    // Inserted under a provisional number, unique and never seen outside this transaction: the real
    // one is taken last, so the sequence's counter row is locked only from there to the COMMIT (issue 16 §4).
    const doc = await insertDocument(tx, {
      type, status: DocumentStatus.DRAFT, number: `~${randomUUID()}`, numberWarehouseId: numberingWarehouse(lines), title, dealRef, documentDate, ...receipt,
      authorId: ctx.access.userId, version: 1, createdAt: now, updatedAt: now,
    });
    const items = await insertLines(tx, doc.id, lines);
    await writeDocumentWarehouses(tx, doc.id, items);
    Object.assign(doc, await takeDocumentNumber(tx, type, doc.numberWarehouseId, warehouses.get(doc.numberWarehouseId)));
    await tx.query('UPDATE inventory_document SET number = ? WHERE id = ?', [doc.number, doc.id]);
    return result(doc, items);
  },

  update(ctx: RequestContext, id: string, version: number, input: UpdateDocumentInput): Promise<DocumentResult> {
    return inTransaction(ctx.db, async (tx) => {
      const { doc, items } = await lockDocument(tx, id);
      assertCanAct(ctx.access, doc, factsOf(doc, items), DocumentAction.EDIT);
      assertVersion(doc, version);

      const errors = new InputErrors();
      if (input.title !== undefined) doc.title = errors.check(() => validTitle(input.title, 'input.title'));
      if (input.dealRef !== undefined) doc.dealRef = errors.check(() => validDealRef(input.dealRef, 'input.dealRef'));
      if (input.documentDate !== undefined) doc.documentDate = (await checkDocumentDate(tx, input.documentDate, 'input.documentDate', errors))!;
      Object.assign(doc, receiptFields(doc.type, input, 'input', errors));
      const edit = planLineEdit(items, input, errors);
      if (edit.after.length > LIMITS.documentLines) throw tooManyLines('input.addItems', edit.after.length);
      countedOnce(doc.type, edit.after, errors);
      // New and changed lines are validated in full; untouched ones are re-validated at processing.
      const { warehouses } = await validateLines(tx, ctx.access, doc.type, [...edit.changed, ...edit.added], 'input.addItems', errors);

      if (edit.removed.length > 0) await tx.delete(DocumentItem, { id: In(edit.removed) });
      for (const line of edit.changed) {
        await tx.update(DocumentItem, { id: line.id }, {
          productId: line.productId, quantity: line.quantity, purchasePrice: line.purchasePrice, salePrice: line.salePrice,
          fromWarehouseId: line.fromWarehouseId, toWarehouseId: line.toWarehouseId,
        });
      }
      await insertLines(tx, doc.id, edit.added);
      await writeDocumentWarehouses(tx, doc.id, edit.after, items);
      // Lines moved out of the number's warehouse: a number from where they are now (DESIGN §3.8 (b)).
      const home = numberingWarehouse(edit.after, doc.numberWarehouseId);
      if (home !== doc.numberWarehouseId) Object.assign(doc, await takeDocumentNumber(tx, doc.type, home, warehouses.get(home)));
      doc.version += 1;
      const saved = await tx.save(InventoryDocument, doc);
      return result(saved, edit.after);
    });
  },

  process(ctx: RequestContext, id: string, version: number): Promise<DocumentResult> {
    return inTransaction(ctx.db, (tx) => documentService.processIn(tx, ctx, id, version));
  },

  /**
   * process inside the caller's transaction (bulk-document.service.ts runs one per savepoint). The
   * document row, locked first anyway, is written before the levels are locked, and the report
   * rollups — whose per-warehouse rows every posting into the warehouse writes — last, so the rows
   * other postings wait for are held for the fewest statements (issue 16 §4).
   */
  processIn(tx: EntityManager, ctx: RequestContext, id: string, version: number): Promise<DocumentResult> {
    return (async () => {
      const { doc, items } = await lockDocument(tx, id);
      assertCanAct(ctx.access, doc, factsOf(doc, items), DocumentAction.PROCESS);
      assertVersion(doc, version);
      if (items.length === 0) throw invalidState(`Document ${doc.number} has no lines to process.`, { status: doc.status });
      // Issue 19 §1: not dated after today, nor in a closed period; its rows count on its date.
      const now = new Date();
      await assertPeriodOpen(tx, doc, doc.documentDate, 'processed', now);
      // Products and warehouses may have been archived or deactivated since the draft was written.
      const { products } = await validateLines(tx, ctx.access, doc.type, items.map((item, i) => lineOfItem(item, `items[${i}]`)), 'items');
      const purchasePrice = (productId: number) => products.get(productId)?.purchasePrice ?? new Decimal(0);
      const processed = { status: DocumentStatus.PROCESSED, processedAt: now, processedById: ctx.access.userId, version: doc.version + 1, updatedAt: now };
      await tx.update(InventoryDocument, { id: doc.id }, processed);

      // Moving-average valuation (DESIGN §1): stock from outside at the line's price, else the
      // product's; outgoing lines at their source's average, read from the locked levels. A count
      // posts its differences against the book at its date, at the levels' average (stock-count.ts).
      const { planned, books } = doc.type === DocumentType.INVENTORY_COUNT
        ? await planCount(tx, doc, items, countInstant(doc.documentDate, now), now)
        : { planned: plannedRowsOf(doc, items, (item) => item.purchasePrice ?? purchasePrice(item.productId), ledgerInstant(doc.documentDate, now), now), books: null };
      const rows = planned.map((p) => p.row);
      // Reservations hold (DESIGN §1): a sales order may also take its own deal's reservations, and uses them up as it ships.
      const ownDeal = doc.type === DocumentType.SALES_ORDER ? doc.dealRef : null;
      const levels = await moveStock(tx, rows, async () => (await getSettings(tx)).allowNegativeStock,
        (states) => valueRows(planned, states, purchasePrice), ownDeal);
      // A sales-order line without a sale price takes the product's, in the same UPDATE as its cost.
      const salePrice = (item: DocumentItem) => doc.type === DocumentType.SALES_ORDER ? item.salePrice ?? products.get(item.productId)?.salePrice ?? null : null;
      await captureCosts(tx, items, rows, (item) => ({ salePrice: salePrice(item), bookQuantity: books?.get(item.id) }));
      if (ownDeal) {
        await consumeDealReservations(tx, ownDeal, items.map((item) => ({ productId: item.productId, warehouseId: item.fromWarehouseId!, quantity: item.quantity })), levels, now);
      }
      await applyRollups(tx, rows);
      recordChanges(tx, [{ kind: 'document', id: doc.id }]);
      return result(Object.assign(doc, processed), items);
    })();
  },

  cancel(ctx: RequestContext, id: string, version: number): Promise<DocumentResult> {
    return inTransaction(ctx.db, async (tx) => {
      const { doc, items } = await lockDocument(tx, id);
      assertCanAct(ctx.access, doc, factsOf(doc, items), DocumentAction.CANCEL);
      assertVersion(doc, version);
      const at = new Date();
      const posted = await tx.find(StockMovement, { where: { documentId: doc.id, reversal: false }, order: { id: 'ASC' } });
      // Issue 19 §1: reversed on the day the rows count on (the document's date), unless that day is closed.
      const earliest = posted.reduce((day, row) => (utcDay(row.occurredAt) < day ? utcDay(row.occurredAt) : day), doc.documentDate);
      await assertPeriodOpen(tx, doc, earliest, 'cancelled', at);
      const reversal = reversalOf(posted, at);
      // The document row (locked already) first, the levels next, the report rollups last (processIn).
      const cancelled = { status: DocumentStatus.CANCELLED, cancelledAt: at, cancelledById: ctx.access.userId, version: doc.version + 1, updatedAt: at };
      await tx.update(InventoryDocument, { id: doc.id }, cancelled);
      // Reversed at the values posted (DESIGN §1); stock brought in only while nothing has left since.
      await postMovements(tx, reversal, async () => (await getSettings(tx)).allowNegativeStock, async (states) => {
        await assertNothingLeftSince(tx, doc, posted);
        await valueRows(exactly(reversal), states, (productId) => purchasePriceOf(tx, productId));
      });
      recordChanges(tx, [{ kind: 'document', id: doc.id }]);
      return result(Object.assign(doc, cancelled), items);
    });
  },

  /** Deletes a DRAFT or CANCELLED document and its lines; ledger rows of a cancelled one stay (append-only). */
  remove(ctx: RequestContext, id: string, version: number | null | undefined): Promise<string> {
    return inTransaction(ctx.db, async (tx) => {
      const { doc, items } = await lockDocument(tx, id);
      assertCanAct(ctx.access, doc, factsOf(doc, items), DocumentAction.DELETE);
      assertVersion(doc, version);
      await tx.delete(DocumentItem, { documentId: doc.id });
      await deleteDocumentWarehouses(tx, doc.id);
      await tx.delete(InventoryDocument, { id: doc.id });
      return String(doc.id);
    });
  },
};

/** The document row under a write lock (MariaDB; SQLite's write transaction is exclusive) and its lines. */
async function lockDocument(tx: EntityManager, rawId: string): Promise<{ doc: InventoryDocument; items: DocumentItem[] }> {
  const id = parseId(rawId);
  if (id === null) throw documentNotFound(rawId);
  // One statement for the document and its lines (issue 16 §4); on MariaDB it locks both, and
  // lines are only ever written under their document's lock anyway.
  const qb = tx.getRepository(InventoryDocument).createQueryBuilder('d')
    .leftJoinAndMapMany('d.lines', DocumentItem, 'i', 'i.documentId = d.id')
    .where('d.id = :id', { id })
    .orderBy('i.id', 'ASC');
  if (isMysql(tx)) qb.setLock('pessimistic_write');
  const doc = await qb.getOne() as (InventoryDocument & { lines?: DocumentItem[] }) | null;
  if (!doc) throw documentNotFound(rawId);
  const items = doc.lines ?? [];
  delete doc.lines;
  return { doc, items };
}

/**
 * A new document row in one INSERT that gives every column: TypeORM's save would read the row
 * back for the columns with defaults, one more statement per created document (issue 16 §4).
 */
async function insertDocument(tx: EntityManager, values: Partial<InventoryDocument>): Promise<InventoryDocument> {
  const doc = tx.create(InventoryDocument, {
    supplier: null, incomingNumber: null, incomingDate: null, processedAt: null, processedById: null, cancelledAt: null, cancelledById: null, ...values,
  });
  const { raw } = await tx.createQueryBuilder().insert().into(InventoryDocument).values(doc).updateEntity(false).execute();
  doc.id = Number(isMysql(tx) ? (raw as { insertId: number }).insertId : raw);
  return doc;
}

/** The lines as rows of the document, in chunked INSERTs (a document has up to LIMITS.documentLines lines). */
async function insertLines(tx: EntityManager, documentId: number, lines: Line[]): Promise<Line[]> {
  await insertInChunks(tx, DocumentItem, lines.map((line) => ({
    documentId, productId: line.productId, quantity: line.quantity, purchasePrice: line.purchasePrice, salePrice: line.salePrice,
    fromWarehouseId: line.fromWarehouseId, toWarehouseId: line.toWarehouseId,
  })));
  return lines;
}
