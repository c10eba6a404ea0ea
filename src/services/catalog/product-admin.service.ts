import Decimal from 'decimal.js';
import { inTransaction } from '../platform/transaction';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { badInput, InputErrors, invalidState } from '../../errors';
import { CreateProductInput, ProductAttributeInput, UpdateProductInput } from '../../schema/product-input.type';
import { productHistory } from './product-history';
import { parseId } from '../platform/ids';
import { notFound, unlessTaken } from '../platform/management-errors';
import {
  attributesKey, checkAttributes, checkName, checkPrice, checkSku, checkUnit, Check, toAttributeRecord,
} from './product-fields';
import { forUpdate } from '../platform/row-lock';
import { barcodesOf, replaceBarcodes } from './product-barcodes';
import { ProductBarcode } from '../../entities/product-barcode.entity';

/** Runs a check on a present value; a refusal is BAD_USER_INPUT naming the field. */
function valid<T>(field: string, value: T, check: Check<T>): T {
  const reason = check(value);
  if (reason) throw badInput(field, reason);
  return value;
}

const trimmed = (value: string) => value.trim();

async function lockProduct(tx: EntityManager, id: number): Promise<Product | null> {
  return forUpdate(tx.getRepository(Product).createQueryBuilder('p').where('p.id = :id', { id })).getOne();
}

async function assertSkuFree(tx: EntityManager, sku: string, exceptId: number | null): Promise<void> {
  const qb = tx.getRepository(Product).createQueryBuilder('p').where('LOWER(p.sku) = :sku', { sku: sku.toLowerCase() });
  if (exceptId !== null) qb.andWhere('p.id <> :exceptId', { exceptId });
  if (await qb.getExists()) throw badInput('input.sku', `a product with SKU "${sku}" already exists`);
}

/** Variants of one parent must differ by their attributes (DESIGN §1: variants differ by colour, size…). */
async function assertVariantAttributes(tx: EntityManager, parentId: number, attributes: Record<string, string> | null, exceptId: number | null) {
  if (!attributes || Object.keys(attributes).length === 0) throw badInput('input.attributes', 'a variant needs at least one attribute, e.g. colour');
  const key = attributesKey(attributes);
  const siblings = await tx.getRepository(Product).find({ where: { parentId } });
  if (siblings.some((s) => s.id !== exceptId && attributesKey(s.attributes) === key)) {
    throw badInput('input.attributes', 'another variant of this product has the same attributes');
  }
}

const saveProduct = (tx: EntityManager, product: Product) =>
  unlessTaken(() => tx.getRepository(Product).save(product), 'input.sku', `a product with SKU "${product.sku}" already exists`);

const attributesOf = (input: ProductAttributeInput[]) =>
  toAttributeRecord(valid('input.attributes', input.map((a) => ({ name: a.name.trim(), value: a.value.trim() })), checkAttributes));

const priceOf = (field: string, value: Decimal | null) => (value === null ? null : valid(field, value, checkPrice));

/**
 * Products and variants (CATALOG_EDIT, issue 9 §2). The permission checks are rules in
 * shield/rules/management.rules.ts; PURCHASE_PRICE_VIEW for setting a purchase price is an input
 * rule (shield/rules/input.rules.ts).
 */
export const productAdminService = {
  async create(ctx: RequestContext, input: CreateProductInput): Promise<Product> {
    // Every invalid field is reported at once (issue 18 §4); the database checks run for the fields that passed.
    const errors = new InputErrors();
    const sku = errors.check(() => valid('input.sku', trimmed(input.sku), checkSku));
    const name = errors.check(() => valid('input.name', trimmed(input.name), checkName));
    const unit = errors.check(() => valid('input.unit', trimmed(input.unit ?? 'pcs'), checkUnit));
    const attributes = errors.check(() => (input.attributes?.length ? attributesOf(input.attributes) : null));
    const purchasePrice = errors.check(() => priceOf('input.purchasePrice', input.purchasePrice ?? null));
    const salePrice = errors.check(() => priceOf('input.salePrice', input.salePrice ?? null));
    const barcodes = input.barcodes ? barcodesOf(errors, input.barcodes) : [];
    const parentKey = input.parentId === undefined || input.parentId === null ? null : parseId(input.parentId);
    if (input.parentId && parentKey === null) errors.add('input.parentId', 'no such product');

    return inTransaction(ctx.db, async (tx) => {
      if (sku !== undefined) await errors.checkAsync(() => assertSkuFree(tx, sku, null));
      if (parentKey !== null) {
        const parent = await lockProduct(tx, parentKey);
        if (!parent) errors.add('input.parentId', 'no such product');
        else if (parent.parentId !== null) errors.add('input.parentId', 'a variant cannot have variants of its own');
        else if (parent.archived) errors.add('input.parentId', 'the parent product is archived');
        else if (attributes !== undefined) await errors.checkAsync(() => assertVariantAttributes(tx, parent.id, attributes, null));
      }
      errors.throwIfAny();
      const product = await saveProduct(tx, tx.getRepository(Product).create({
        sku, name, unit, attributes, purchasePrice, salePrice, parentId: parentKey, archived: false,
      }));
      await replaceBarcodes(tx, product.id, barcodes!);
      return product;
    });
  },

  async update(ctx: RequestContext, id: string, input: UpdateProductInput): Promise<Product> {
    const key = parseId(id);
    if (key === null) throw notFound('product', id);
    const errors = new InputErrors();
    const changes: Partial<Product> = {};
    if (input.sku !== undefined) changes.sku = errors.check(() => valid('input.sku', trimmed(input.sku ?? ''), checkSku));
    if (input.name !== undefined) changes.name = errors.check(() => valid('input.name', trimmed(input.name ?? ''), checkName));
    if (input.unit !== undefined) changes.unit = errors.check(() => valid('input.unit', trimmed(input.unit ?? ''), checkUnit));
    if (input.attributes !== undefined) changes.attributes = errors.check(() => (input.attributes?.length ? attributesOf(input.attributes) : null));
    if (input.purchasePrice !== undefined) changes.purchasePrice = errors.check(() => priceOf('input.purchasePrice', input.purchasePrice ?? null));
    if (input.salePrice !== undefined) changes.salePrice = errors.check(() => priceOf('input.salePrice', input.salePrice ?? null));
    const barcodes = input.barcodes === undefined ? undefined : barcodesOf(errors, input.barcodes);

    return inTransaction(ctx.db, async (tx) => {
      // A variant's new attributes are checked against its siblings under the parent's lock, taken
      // before the variant's own (parents before variants, as archiving a parent does).
      const parentId = (await tx.getRepository(Product).findOne({ where: { id: key }, select: { id: true, parentId: true } }))?.parentId ?? null;
      if (changes.attributes !== undefined && parentId !== null) await lockProduct(tx, parentId);
      const product = await lockProduct(tx, key);
      if (!product) throw notFound('product', id);
      const sku = changes.sku;
      if (sku !== undefined) await errors.checkAsync(() => assertSkuFree(tx, sku, product.id));
      if (changes.attributes !== undefined && parentId !== null) {
        const attributes = changes.attributes;
        await errors.checkAsync(() => assertVariantAttributes(tx, parentId, attributes, product.id));
      }
      errors.throwIfAny();
      const saved = await saveProduct(tx, Object.assign(product, changes));
      if (barcodes !== undefined) await replaceBarcodes(tx, saved.id, barcodes);
      return saved;
    });
  },

  /**
   * Archiving hides a product from lists and keeps its history; archiving a parent archives its
   * variants too, and a variant cannot be restored while its parent is archived.
   */
  async setArchived(ctx: RequestContext, id: string, archived: boolean): Promise<Product> {
    const key = parseId(id);
    if (key === null) throw notFound('product', id);
    return inTransaction(ctx.db, async (tx) => {
      const product = await lockProduct(tx, key);
      if (!product) throw notFound('product', id);
      if (!archived && product.parentId !== null) {
        const parent = await tx.getRepository(Product).findOneBy({ id: product.parentId });
        if (parent?.archived) {
          throw invalidState(`Product ${product.sku} cannot be unarchived while its parent ${parent.sku} is archived.`, {
            reason: 'PARENT_ARCHIVED', parentId: String(parent.id),
          });
        }
      }
      await tx.getRepository(Product).update({ id: product.id }, { archived });
      if (product.parentId === null) await tx.getRepository(Product).update({ parentId: product.id }, { archived });
      return tx.getRepository(Product).findOneByOrFail({ id: product.id });
    });
  },

  /** Only a product nothing refers to can be deleted; anything with history is archived instead. */
  async delete(ctx: RequestContext, id: string): Promise<boolean> {
    const key = parseId(id);
    if (key === null) throw notFound('product', id);
    return inTransaction(ctx.db, async (tx) => {
      const product = await lockProduct(tx, key);
      if (!product) throw notFound('product', id);
      const { blockers, otherRecords } = await productHistory(ctx, tx, key);
      const variants = await tx.getRepository(Product).countBy({ parentId: key });
      if (blockers.length || otherRecords) {
        // Only what the viewer can see is named; the rest is one count-free flag (issue 15 point 4).
        const named = [...blockers.map((b) => b.toLowerCase().replace('_', ' ')), ...(otherRecords ? ['records you cannot see'] : [])];
        throw invalidState(`Product ${product.sku} has stock history (${named.join(', ')}); archive it instead.`, {
          reason: 'HAS_HISTORY', blockers, otherRecords, hint: 'archiveProduct',
        });
      }
      if (variants) {
        throw invalidState(`Product ${product.sku} has ${variants} variant(s); delete or archive them first.`, {
          reason: 'HAS_VARIANTS', blockers: ['VARIANTS'],
        });
      }
      await tx.getRepository(ProductBarcode).delete({ productId: key });
      await tx.getRepository(Product).delete({ id: key });
      return true;
    });
  },
};
