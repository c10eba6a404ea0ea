import Decimal from 'decimal.js';
import DataLoader from 'dataloader';
import { SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { DocumentItem } from '../../entities/document-item.entity';
import { InventoryDocument } from '../../entities/inventory-document.entity';
import { Page } from '../../schema/connection';
import { DateTimeRange } from '../../schema/connection';
import { DocumentFilter, DocumentFilterArgs, DocumentOrder, DocumentOrderField } from '../../schema/document.type';
import { DocumentFacts } from '../../shield/document-access';
import { restrictToVisibleDocuments } from '../../shield/document-scope';
import { inventoryGuards } from '../../shield/rules/inventory.rules';
import { parseId } from '../platform/ids';
import { BY_ID, Ordering, paginate } from '../platform/paginate';
import { likePattern } from '../catalog/product.service';
import { byIdLoader } from '../../loaders/loader-factories';

/** A document as the read API hands it on: the entity plus the facts its rules need (no I/O in rules). */
export type DocumentView = InventoryDocument & Pick<DocumentFacts, 'warehouseIds'>;

/**
 * Money of a line: quantity × purchase price; a line without a price counts 0. A processed count
 * line (it has a book quantity) moved only its difference: difference × the cost it was posted at,
 * negative for a shortage — so a count's total is what it changed the stock's value by.
 */
export const lineTotal = (item: Pick<DocumentItem, 'quantity' | 'purchasePrice' | 'bookQuantity'>): Decimal => {
  if (item.purchasePrice === null) return new Decimal(0);
  return (item.bookQuantity == null ? item.quantity : item.quantity.minus(item.bookQuantity)).times(item.purchasePrice);
};

/** Σ line totals over the items the viewer may see; the items pass the row guard again before summing (DESIGN §3.1, §3.4). */
async function visibleTotal(ctx: RequestContext, documentId: number): Promise<Decimal> {
  const items = (await ctx.loaders.documentItems.load(documentId)).filter((item) => inventoryGuards.DocumentItem(ctx.access, item));
  return items.reduce((sum, item) => sum.plus(lineTotal(item)), new Decimal(0));
}

/**
 * Every warehouse the items of these documents touch, visible or not: `allowedActions` needs
 * them (an action needs every warehouse, DESIGN §2). Only ids are read, one statement per page.
 */
async function withFacts(ctx: RequestContext, docs: InventoryDocument[]): Promise<DocumentView[]> {
  if (docs.length === 0) return [];
  const rows: Array<{ documentId: number; fromWarehouseId: number | null; toWarehouseId: number | null }> = await ctx.db
    .getRepository(DocumentItem).createQueryBuilder('item')
    .select(['item.documentId AS documentId', 'item.fromWarehouseId AS fromWarehouseId', 'item.toWarehouseId AS toWarehouseId'])
    .distinct(true)
    .where('item.documentId IN (:...ids)', { ids: docs.map((d) => d.id) })
    .getRawMany();
  const byDocument = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = byDocument.get(Number(row.documentId)) ?? new Set<number>();
    for (const id of [row.fromWarehouseId, row.toWarehouseId]) if (id !== null) set.add(Number(id));
    byDocument.set(Number(row.documentId), set);
  }
  return docs.map((doc) => Object.assign(doc, { warehouseIds: [...(byDocument.get(doc.id) ?? [])].sort((a, b) => a - b) }));
}

const ORDER_COLUMNS: Record<DocumentOrderField, NonNullable<Ordering<InventoryDocument>['column']>> = {
  CREATED_AT: { path: 'doc.createdAt', kind: 'date', value: (d) => d.createdAt },
  UPDATED_AT: { path: 'doc.updatedAt', kind: 'date', value: (d) => d.updatedAt },
  NUMBER: { path: 'doc.number', kind: 'text', value: (d) => d.number },
};

/** No orderBy: oldest first by id, as before orderBy existed. */
const documentOrdering = (order: DocumentOrder | null | undefined): Ordering<InventoryDocument> =>
  (order ? { key: order.field, direction: order.direction, column: ORDER_COLUMNS[order.field] } : BY_ID);

const inRange = (qb: SelectQueryBuilder<InventoryDocument>, column: string, range: DateTimeRange | null | undefined, name: string) => {
  if (range?.from) qb.andWhere(`${column} >= :${name}From`, { [`${name}From`]: range.from });
  if (range?.to) qb.andWhere(`${column} < :${name}To`, { [`${name}To`]: range.to });
};

/**
 * The filter in SQL, on top of the visibility condition (DESIGN §3.4): it narrows what the
 * viewer may see and never widens it; a warehouse the viewer cannot select matches nothing.
 */
function filterDocuments(ctx: RequestContext, qb: SelectQueryBuilder<InventoryDocument>, filter: DocumentFilter) {
  if (filter.types?.length) qb.andWhere('doc.type IN (:...types)', { types: filter.types });
  if (filter.statuses?.length) qb.andWhere('doc.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.number) qb.andWhere("LOWER(doc.number) LIKE :number ESCAPE '!'", { number: likePattern(filter.number) });
  if (filter.dealRef) qb.andWhere('doc.dealRef = :dealRef', { dealRef: filter.dealRef });
  inRange(qb, 'doc.createdAt', filter.created, 'created');
  inRange(qb, 'doc.processedAt', filter.processed, 'processed');
  if (filter.warehouseId !== undefined && filter.warehouseId !== null) {
    // A hidden or unknown warehouse filters to nothing, so the filter cannot probe hidden sides.
    const warehouseId = parseId(filter.warehouseId);
    if (warehouseId === null || !ctx.access.canSelectWarehouse(warehouseId)) qb.andWhere('1 = 0');
    else {
      qb.andWhere('doc.id IN (SELECT in_wh.documentId FROM document_warehouse in_wh WHERE in_wh.warehouseId = :warehouseId)', { warehouseId });
    }
  }
}

/** Documents as the viewer may see them (DESIGN §3.4), filtered in SQL; hidden ones look missing. */
export const documentQueryService = {
  visibleTotal,
  /** For anything else that returns documents (e.g. mutations): the InventoryDocument row guard needs these facts. */
  withFacts,

  async list(ctx: RequestContext, args: DocumentFilterArgs): Promise<Page<DocumentView>> {
    const qb = restrictToVisibleDocuments(ctx.db.getRepository(InventoryDocument).createQueryBuilder('doc'), ctx.access, 'doc');
    // The older top-level arguments and `filter` combine (all must hold).
    filterDocuments(ctx, qb, { types: args.type ? [args.type] : null, statuses: args.status ? [args.status] : null,
      warehouseId: args.warehouseId, created: { from: args.from, to: args.to } });
    if (args.filter) filterDocuments(ctx, qb, args.filter);
    const page = await paginate(qb, 'doc', args, documentOrdering(args.orderBy));
    const nodes = await withFacts(ctx, page.nodes);
    return { ...page, nodes, edges: page.edges.map((edge, i) => ({ ...edge, node: nodes[i] })) };
  },

  async byId(ctx: RequestContext, id: string): Promise<DocumentView | null> {
    const key = parseId(id);
    if (key === null) return null;
    const doc = await restrictToVisibleDocuments(ctx.db.getRepository(InventoryDocument).createQueryBuilder('doc'), ctx.access, 'doc')
      .andWhere('doc.id = :id', { id: key })
      .getOne();
    return doc ? (await withFacts(ctx, [doc]))[0] : null;
  },
};

const visibleDocumentLoaders = new WeakMap<RequestContext, DataLoader<number, DocumentView | null>>();

/**
 * Documents by id as the viewer may see them (null when hidden, like a missing id — DESIGN §3.2),
 * one statement per batch: for references to documents from other rows (ledger history).
 */
export function visibleDocumentLoader(ctx: RequestContext): DataLoader<number, DocumentView | null> {
  let loader = visibleDocumentLoaders.get(ctx);
  if (!loader) {
    loader = byIdLoader(async (ids) => withFacts(ctx, await restrictToVisibleDocuments(
      ctx.db.getRepository(InventoryDocument).createQueryBuilder('doc'), ctx.access, 'doc').andWhere('doc.id IN (:...ids)', { ids }).getMany()));
    visibleDocumentLoaders.set(ctx, loader);
  }
  return loader;
}
