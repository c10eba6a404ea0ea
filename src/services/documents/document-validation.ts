import Decimal from 'decimal.js';
import { EntityManager, In } from 'typeorm';
import { DocumentItem } from '../../entities/document-item.entity';
import { Product } from '../../entities/product.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { badInput, forbidden, InputErrors } from '../../errors';
import { AMOUNTS, LIMITS, overLimit, TEXT_LENGTHS } from '../../limits/limits';
import { DocumentItemChangeInput, DocumentItemInput } from '../../schema/document-input.type';
import { Access } from '../../shield/access';
import { DocumentType } from '../../shield/permission-catalog';
import { parseId } from '../platform/ids';
import { encodeId } from '../platform/opaque-ids';
import { WAREHOUSE_SIDES } from './movements';
import { wholeNumbersOnly } from '../catalog/units';

/** A document line as it will be stored, with the input path that produced it (for error messages). */
export interface Line {
  id?: number;
  productId: number;
  quantity: Decimal;
  purchasePrice: Decimal | null;
  salePrice: Decimal | null;
  fromWarehouseId: number | null;
  toWarehouseId: number | null;
  field: string;
  /** The client sent a price for this line now (not a stored one): refused on outgoing lines. */
  priceGiven?: boolean;
}

/** An ID argument that must name a row: anything that is not a key is BAD_USER_INPUT on that field. */
export function requireId(value: string | null | undefined, field: string): number {
  const id = parseId(value);
  if (id === null) throw badInput(field, 'is not a valid id.');
  return id;
}

const optionalId = (value: string | null | undefined, field: string) =>
  value === null || value === undefined ? null : requireId(value, field);

/*
 * Lines are read from the input with every bad id kept in `errors` (issue 18 §4) rather than
 * thrown: an id that does not parse is left undefined, the other fields of the line are still
 * checked, and validateLines throws them all together. A Line is only used after that.
 */
export const lineFromInput = (input: DocumentItemInput, field: string, errors: InputErrors): Line => ({
  productId: errors.check(() => requireId(input.productId, `${field}.productId`)),
  quantity: input.quantity,
  purchasePrice: input.purchasePrice ?? null,
  salePrice: input.salePrice ?? null,
  fromWarehouseId: errors.check(() => optionalId(input.fromWarehouseId, `${field}.fromWarehouseId`)),
  toWarehouseId: errors.check(() => optionalId(input.toWarehouseId, `${field}.toWarehouseId`)),
  field,
  priceGiven: input.purchasePrice != null,
});

/** An existing line with a change applied: omitted fields keep their value, `purchasePrice: null` clears it. */
export const changedLine = (item: DocumentItem, change: DocumentItemChangeInput, field: string, errors: InputErrors): Line => ({
  id: item.id,
  productId: change.productId == null ? item.productId : errors.check(() => requireId(change.productId, `${field}.productId`)),
  quantity: change.quantity ?? item.quantity,
  purchasePrice: change.purchasePrice === undefined ? item.purchasePrice : change.purchasePrice,
  salePrice: change.salePrice === undefined ? item.salePrice : change.salePrice,
  fromWarehouseId: change.fromWarehouseId == null ? item.fromWarehouseId : errors.check(() => requireId(change.fromWarehouseId, `${field}.fromWarehouseId`)),
  toWarehouseId: change.toWarehouseId == null ? item.toWarehouseId : errors.check(() => requireId(change.toWarehouseId, `${field}.toWarehouseId`)),
  field,
  priceGiven: change.purchasePrice != null,
});

export const lineOfItem = (item: DocumentItem, field: string): Line => ({ ...item, field });

export function validTitle(title: string | null | undefined, field: string): string {
  const text = (title ?? '').trim();
  if (text.length > TEXT_LENGTHS.title) throw badInput(field, `must be at most ${TEXT_LENGTHS.title} characters.`);
  return text;
}

export function validDealRef(dealRef: string | null | undefined, field: string): string | null {
  if (dealRef === null || dealRef === undefined) return null;
  const text = dealRef.trim();
  if (text.length === 0 || text.length > TEXT_LENGTHS.dealRef) throw badInput(field, `must be 1 to ${TEXT_LENGTHS.dealRef} characters.`);
  return text;
}

/** An id of a line that parsed (one that did not is undefined, its error already kept). */
const parsed = (id: number | null | undefined): id is number => typeof id === 'number';

/**
 * Everything a line must satisfy (issue 5 §2), checked in an order that leaks nothing:
 * shape and the warehouse sides of the type first, then authority over every named warehouse
 * (FORBIDDEN — a warehouse the viewer cannot select is refused whether or not it exists), and
 * only then existence and activity of products and warehouses (BAD_USER_INPUT on the field).
 * Every invalid field is kept in `errors` (with what the caller kept before) and thrown at the
 * end as one BAD_USER_INPUT (issue 18 §4); a FORBIDDEN still comes after the shape errors only.
 * Answers the lines' products and warehouses, so callers need not read them again.
 */
export async function validateLines(tx: EntityManager, access: Access, type: DocumentType, lines: Line[], listField: string,
  errors = new InputErrors()): Promise<{ products: Map<number, Product>; warehouses: Map<number, Warehouse> }> {
  if (lines.length > LIMITS.documentLines) throw tooManyLines(listField, lines.length);
  const sides = WAREHOUSE_SIDES[type];
  const count = type === DocumentType.INVENTORY_COUNT;
  for (const line of lines) {
    // A count's quantity is what was counted: nothing on the shelf is a count of 0 (issue 19 §2).
    if (count ? line.quantity.isNegative() : !line.quantity.greaterThan(0)) errors.add(`${line.field}.quantity`, count ? 'must be 0 or more.' : 'must be greater than 0.');
    if (line.purchasePrice?.isNegative()) errors.add(`${line.field}.purchasePrice`, 'must not be negative.');
    // Stock leaving a warehouse is valued at its source's average cost, never at a client's price (DESIGN §1).
    else if (sides.from && line.priceGiven) {
      errors.add(`${line.field}.purchasePrice`, `must be empty for ${type}: an outgoing line is valued at the average cost of its source.`);
    } else if (count && line.priceGiven) {
      errors.add(`${line.field}.purchasePrice`, `must be empty for ${type}: a count's difference is valued at the level's average cost.`);
    }
    // Only a sales order sells: a sale price elsewhere would be revenue that never happened.
    if (line.salePrice?.isNegative()) errors.add(`${line.field}.salePrice`, 'must not be negative.');
    else if (line.salePrice && type !== DocumentType.SALES_ORDER) errors.add(`${line.field}.salePrice`, `must be empty for ${type}: only SALES_ORDER lines have a sale price.`);
    for (const [side, needed] of [['fromWarehouseId', sides.from], ['toWarehouseId', sides.to]] as const) {
      if (needed && line[side] === null) errors.add(`${line.field}.${side}`, `is required for ${type}.`);
      if (!needed && line[side] !== null) errors.add(`${line.field}.${side}`, `must be empty for ${type}.`);
    }
    if (sides.from && sides.to && parsed(line.fromWarehouseId) && line.fromWarehouseId === line.toWarehouseId) {
      errors.add(`${line.field}.toWarehouseId`, 'must differ from fromWarehouseId.');
    }
  }
  for (const line of lines) {
    for (const side of ['fromWarehouseId', 'toWarehouseId'] as const) {
      const id = line[side];
      if (parsed(id) && !access.canSelectWarehouse(id)) {
        errors.throwIfAny();
        throw lacksWarehouse(id, `${line.field}.${side}`);
      }
    }
  }
  const productIds = [...new Set(lines.map((l) => l.productId).filter(parsed))];
  const warehouseIds = [...new Set(lines.flatMap((l) => [l.fromWarehouseId, l.toWarehouseId]).filter(parsed))];
  const products = new Map((productIds.length ? await tx.getRepository(Product).findBy({ id: In(productIds) }) : []).map((p) => [p.id, p]));
  const warehouses = new Map((warehouseIds.length ? await tx.getRepository(Warehouse).findBy({ id: In(warehouseIds) }) : []).map((w) => [w.id, w]));
  for (const line of lines) {
    const product = products.get(line.productId);
    if (parsed(line.productId) && !product) errors.add(`${line.field}.productId`, 'no product with this id.');
    if (product?.archived) errors.add(`${line.field}.productId`, `product ${product.sku} is archived.`);
    // Re-checked at processing too: the product's unit may have changed since the draft was written.
    if (product && line.quantity.greaterThan(0) && !line.quantity.isInteger() && wholeNumbersOnly(product.unit)) {
      errors.add(`${line.field}.quantity`, `must be a whole number: product ${product.sku} is counted in ${product.unit}.`);
    }
    for (const side of ['fromWarehouseId', 'toWarehouseId'] as const) {
      const id = line[side];
      if (!parsed(id)) continue;
      const warehouse = warehouses.get(id);
      if (!warehouse) errors.add(`${line.field}.${side}`, 'no warehouse with this id.');
      else if (!warehouse.active) errors.add(`${line.field}.${side}`, `warehouse ${warehouse.code} is inactive.`);
    }
    if (!sides.from && !count && product) errors.check(() => assertLineValue(line, line.purchasePrice ?? product.purchasePrice));
    // Revenue of a line (quantity × its sale price, else the product's) is bounded like a line value.
    const salePrice = type === DocumentType.SALES_ORDER ? line.salePrice ?? product?.salePrice : null;
    if (salePrice && salePrice.times(line.quantity).gt(AMOUNTS.value)) {
      errors.check(() => { throw overLimit(`${line.field}.quantity`, 'amount.value', AMOUNTS.value, `quantity × sale price = ${salePrice.times(line.quantity).toFixed()} is over ${AMOUNTS.value} (amount.value), the largest value a line may have.`); });
    }
  }
  errors.throwIfAny();
  return { products, warehouses };
}

/**
 * An inventory count counts each (product, warehouse) once, as ERPNext's stock reconciliation
 * does: a second line on one is BAD_USER_INPUT on its productId — on the line this input gave
 * when only one of the two is new (`lines` are all of the document's lines after the change).
 */
export function countedOnce(type: DocumentType, lines: Line[], errors: InputErrors): void {
  if (type !== DocumentType.INVENTORY_COUNT) return;
  const first = new Map<string, Line>();
  for (const line of lines) {
    if (!parsed(line.productId) || !parsed(line.toWarehouseId)) continue;
    const key = `${line.productId}:${line.toWarehouseId}`;
    const earlier = first.get(key);
    if (!earlier) first.set(key, line);
    else {
      const blamed = line.field.startsWith('input') || !earlier.field.startsWith('input') ? line : earlier;
      errors.add(`${blamed.field}.productId`, 'is counted twice in this warehouse: a count has one line per product and warehouse.');
    }
  }
}

/**
 * An incoming line's value (quantity × its price, else the product's) must be storable
 * (amount.value, issue 14 §3); checked again at processing, where the product's price may have
 * changed. Outgoing lines are valued at their source's average cost: the posting bounds the levels.
 */
function assertLineValue(line: Line, unitCost: Decimal | null): void {
  const value = unitCost ? line.quantity.times(unitCost) : null;
  if (value && value.gt(AMOUNTS.value)) {
    throw overLimit(`${line.field}.quantity`, 'amount.value', AMOUNTS.value,
      `quantity × purchase price = ${value.toFixed()} is over ${AMOUNTS.value} (amount.value), the largest value a line may have.`);
  }
}

/** BAD_USER_INPUT naming documentLines (the argument check refuses most cases before this, issue 22). */
export const tooManyLines = (field: string, count: number) =>
  overLimit(field, 'documentLines', LIMITS.documentLines, `a document has at most ${LIMITS.documentLines} lines (documentLines); this one would have ${count}.`);

/**
 * FORBIDDEN for a warehouse the viewer cannot select; it names only the id the viewer sent, as the
 * API shows it (opaque), never the database key.
 */
export const lacksWarehouse = (warehouseId: number, field?: string) => {
  const id = encodeId('Warehouse', warehouseId);
  return forbidden(`You lack authority over warehouse ${id} (WAREHOUSE_SELECT).`, {
    permission: 'WAREHOUSE_SELECT', warehouseId: id, ...(field ? { field } : {}),
  });
};
