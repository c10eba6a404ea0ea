import Decimal from 'decimal.js';
import { Brackets, SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { MovementKind, StockMovement } from '../../entities/stock-movement.entity';
import { restrictToWarehouses } from '../../shield/scoped-query';
import { likePattern } from '../catalog/product.service';
import { ReportPeriod } from './report-period';
import { reportDialect } from './sql-dialect';

export interface Amount {
  quantity: Decimal;
  value: Decimal;
}

/** Movement figures of one group (docs/reports.md): closing = opening + received − shipped − otherOutgoing. */
export interface MovementFigures {
  opening: Amount;
  received: Amount;
  shipped: Amount;
  otherOutgoing: Amount;
  closing: Amount;
}

/** What the ledger queries range over: only warehouses the viewer selected and may select. */
export interface LedgerFilter {
  period: ReportPeriod;
  warehouseIds: number[];
  productSearch: string | null;
}

const KINDS = { received: MovementKind.RECEIVED, shipped: MovementKind.SHIPPED, otherOut: MovementKind.OTHER_OUT };

/** Ledger rows up to the end of the period, scoped to the viewer and the filter (DESIGN §3.1, §4). */
function scopedLedger(ctx: RequestContext, filter: LedgerFilter): SelectQueryBuilder<StockMovement> {
  const qb = ctx.db.createQueryBuilder().from(StockMovement, 'm')
    .where('m.occurredAt < :end', { end: filter.period.end, start: filter.period.start, ...KINDS })
    .andWhere('m.warehouseId IN (:...reportWarehouses)', { reportWarehouses: filter.warehouseIds });
  restrictToWarehouses(qb, ctx.access, 'm.warehouseId');
  const search = filter.productSearch?.trim();
  if (search) {
    // A variant matches by its own name or its parent's: "cotton dress" finds every colour.
    qb.innerJoin(Product, 'p', 'p.id = m.productId').leftJoin(Product, 'pp', 'pp.id = p.parentId')
      .andWhere(new Brackets((w) => {
        w.where("LOWER(p.name) LIKE :pattern ESCAPE '!'", { pattern: likePattern(search) })
          .orWhere("LOWER(pp.name) LIKE :pattern ESCAPE '!'");
      }));
  }
  return qb as SelectQueryBuilder<StockMovement>;
}

const FIGURE_SUMS: Record<string, string> = {
  openingQuantity: 'CASE WHEN m.occurredAt < :start THEN m.quantity ELSE 0 END',
  openingValue: 'CASE WHEN m.occurredAt < :start THEN m.value ELSE 0 END',
  receivedQuantity: 'CASE WHEN m.occurredAt >= :start AND m.kind = :received THEN m.quantity ELSE 0 END',
  receivedValue: 'CASE WHEN m.occurredAt >= :start AND m.kind = :received THEN m.value ELSE 0 END',
  shippedQuantity: 'CASE WHEN m.occurredAt >= :start AND m.kind = :shipped THEN m.quantity ELSE 0 END',
  shippedValue: 'CASE WHEN m.occurredAt >= :start AND m.kind = :shipped THEN m.value ELSE 0 END',
  otherQuantity: 'CASE WHEN m.occurredAt >= :start AND m.kind = :otherOut THEN m.quantity ELSE 0 END',
  otherValue: 'CASE WHEN m.occurredAt >= :start AND m.kind = :otherOut THEN m.value ELSE 0 END',
};

export const ZERO: Amount = { quantity: new Decimal(0), value: new Decimal(0) };

const plus = (a: Amount, b: Amount): Amount => ({ quantity: a.quantity.plus(b.quantity), value: a.value.plus(b.value) });
const minus = (a: Amount, b: Amount): Amount => ({ quantity: a.quantity.minus(b.quantity), value: a.value.minus(b.value) });
const negated = (a: Amount): Amount => ({ quantity: a.quantity.negated(), value: a.value.negated() });

/** Builds the figures from signed sums; closing follows from the identity, so it holds exactly. */
export function figures(opening: Amount, received: Amount, shipped: Amount, otherOutgoing: Amount): MovementFigures {
  return { opening, received, shipped, otherOutgoing, closing: minus(minus(plus(opening, received), shipped), otherOutgoing) };
}

export function sumFigures(rows: MovementFigures[]): MovementFigures {
  const add = (key: keyof MovementFigures) => rows.reduce((sum, row) => plus(sum, row[key]), ZERO);
  return figures(add('opening'), add('received'), add('shipped'), add('otherOutgoing'));
}

export const isZeroFigures = (f: MovementFigures) =>
  Object.values(f).every((a: Amount) => a.quantity.isZero() && a.value.isZero());

/**
 * Movement figures grouped by warehouse or, for one warehouse, by product: one GROUP BY
 * statement whatever the number of groups. Shipped and other outgoing rows are negative
 * in the ledger (reversals positive), so their sums are negated.
 */
export async function figuresBy(
  ctx: RequestContext,
  filter: LedgerFilter,
  group: 'warehouse' | 'product',
): Promise<Map<number, MovementFigures>> {
  const result = new Map<number, MovementFigures>();
  if (filter.warehouseIds.length === 0) return result;
  const dialect = reportDialect(ctx.db);
  const column = group === 'warehouse' ? 'm.warehouseId' : 'm.productId';
  const qb = scopedLedger(ctx, filter).select(column, 'groupKey').groupBy(column);
  for (const [alias, expression] of Object.entries(FIGURE_SUMS)) qb.addSelect(dialect.exactSum(expression), alias);
  for (const row of await qb.getRawMany()) {
    const amount = (q: string, v: string): Amount => ({ quantity: dialect.decimal(row[q]), value: dialect.decimal(row[v]) });
    result.set(Number(row.groupKey), figures(
      amount('openingQuantity', 'openingValue'),
      amount('receivedQuantity', 'receivedValue'),
      negated(amount('shippedQuantity', 'shippedValue')),
      negated(amount('otherQuantity', 'otherValue')),
    ));
  }
  return result;
}

export interface DailyValues {
  day: string;
  receivedValue: Decimal;
  shippedValue: Decimal;
}

/** Received and shipped value per UTC day of the period, in one statement; days without movements are absent. */
export async function dailyValues(ctx: RequestContext, filter: LedgerFilter): Promise<Map<string, DailyValues>> {
  const result = new Map<string, DailyValues>();
  if (filter.warehouseIds.length === 0) return result;
  const dialect = reportDialect(ctx.db);
  const day = dialect.utcDay('m.occurredAt');
  const rows = await scopedLedger(ctx, filter)
    .andWhere('m.occurredAt >= :start')
    .select(day, 'day')
    .addSelect(dialect.exactSum('CASE WHEN m.kind = :received THEN m.value ELSE 0 END'), 'receivedValue')
    .addSelect(dialect.exactSum('CASE WHEN m.kind = :shipped THEN m.value ELSE 0 END'), 'shippedValue')
    .groupBy(day)
    .getRawMany();
  for (const row of rows) {
    result.set(String(row.day), {
      day: String(row.day), receivedValue: dialect.decimal(row.receivedValue), shippedValue: dialect.decimal(row.shippedValue).negated(),
    });
  }
  return result;
}

/**
 * The company-wide money value of stock at `end`: every warehouse, every product.
 * Deliberately unscoped — the one declared exception of DESIGN §3.8.
 */
export async function companyStockValue(ctx: RequestContext, end: Date): Promise<Decimal> {
  const dialect = reportDialect(ctx.db);
  const row = await ctx.db.createQueryBuilder().from(StockMovement, 'm')
    .select(dialect.exactSum('m.value'), 'value')
    .where('m.occurredAt < :end', { end })
    .getRawOne();
  return dialect.decimal(row?.value);
}
