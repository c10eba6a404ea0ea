import { EntityManager } from 'typeorm';
import { inTransaction } from '../platform/transaction';
import { chunks, insertInChunks } from '../platform/bulk';
import { BULK } from '../../limits/limits';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { ProductImportResultType } from '../../schema/product-import.type';
import { unlessTaken } from '../platform/management-errors';
import { CsvRowError, parseProductCsv, ProductRow } from './product-csv';
import { attributesKey } from './product-fields';
import { barcodeOwners } from './product-barcodes';
import { ProductBarcode } from '../../entities/product-barcode.entity';

/** SKUs or ids per IN list, rows per INSERT (docs/operations.md, bulk statements). */
const chunked = <T>(list: T[]): T[][] => chunks(list, BULK.insertRows);

type Known = Pick<Product, 'id' | 'sku' | 'parentId' | 'archived'>;

/** Products whose SKU is one of these, keyed by lower-case SKU (SKUs are unique case-insensitively). */
async function productsBySku(tx: EntityManager, skus: string[]): Promise<Map<string, Known>> {
  const found = new Map<string, Known>();
  for (const part of chunked(skus)) {
    const rows = await tx.getRepository(Product).createQueryBuilder('p')
      .select(['p.id', 'p.sku', 'p.parentId', 'p.archived'])
      .where('LOWER(p.sku) IN (:...part)', { part }).getMany();
    for (const row of rows) found.set(row.sku.toLowerCase(), row);
  }
  return found;
}

/** Attribute sets of the existing variants of these parents, as "parent sku|attributes" keys. */
async function existingVariantKeys(tx: EntityManager, parents: Known[]): Promise<Set<string>> {
  const skuOf = new Map(parents.map((p) => [p.id, p.sku.toLowerCase()]));
  const keys = new Set<string>();
  for (const part of chunked([...skuOf.keys()])) {
    const variants = await tx.getRepository(Product).createQueryBuilder('p')
      .select(['p.id', 'p.parentId', 'p.attributes']).where('p.parentId IN (:...part)', { part }).getMany();
    for (const v of variants) keys.add(`${skuOf.get(v.parentId!)}|${attributesKey(v.attributes)}`);
  }
  return keys;
}

/** The checks that need the catalog: SKUs new and unique in the file, parents that can have variants. */
async function catalogErrors(tx: EntityManager, rows: ProductRow[]): Promise<CsvRowError[]> {
  const errors: CsvRowError[] = [];
  const lower = (sku: string) => sku.toLowerCase();
  const inFile = new Map<string, ProductRow>();
  for (const row of rows) {
    const first = inFile.get(lower(row.sku));
    if (first) errors.push({ line: row.line, column: 'sku', reason: `SKU ${row.sku} is also on line ${first.line}` });
    else inFile.set(lower(row.sku), row);
  }
  const known = await productsBySku(tx, [...new Set(rows.flatMap((r) => [r.sku, r.parentSku ?? r.sku]).map(lower))]);
  const dbParents = new Map<number, Known>();
  for (const row of rows) {
    if (known.has(lower(row.sku))) errors.push({ line: row.line, column: 'sku', reason: `a product with SKU ${row.sku} already exists` });
    if (!row.parentSku) continue;
    const key = lower(row.parentSku);
    const fileParent = inFile.get(key);
    const dbParent = known.get(key);
    const fail = (reason: string) => errors.push({ line: row.line, column: 'parentSku', reason });
    if (key === lower(row.sku)) fail('a product cannot be its own parent');
    else if (dbParent) {
      if (dbParent.parentId !== null) fail(`${row.parentSku} is itself a variant; variants cannot have variants`);
      else if (dbParent.archived) fail(`${row.parentSku} is archived`);
      else dbParents.set(dbParent.id, dbParent);
    } else if (!fileParent) fail(`no product with SKU ${row.parentSku} in the catalog or in this file`);
    else if (fileParent.parentSku) fail(`${row.parentSku} is itself a variant (line ${fileParent.line}); variants cannot have variants`);
  }
  errors.push(...(await barcodeErrors(tx, rows)));
  const variantKeys = await existingVariantKeys(tx, [...dbParents.values()]);
  for (const row of rows.filter((r) => r.parentSku)) {
    const key = `${lower(row.parentSku!)}|${attributesKey(row.attributes)}`;
    if (variantKeys.has(key)) errors.push({ line: row.line, column: 'attributes', reason: `another variant of ${row.parentSku} has the same attributes` });
    variantKeys.add(key);
  }
  return errors;
}

/** A barcode on two lines of the file, or already held by a catalog product, is refused at its line. */
async function barcodeErrors(tx: EntityManager, rows: ProductRow[]): Promise<CsvRowError[]> {
  const errors: CsvRowError[] = [];
  const lineOf = new Map<string, number>();
  for (const row of rows) {
    for (const code of row.barcodes) {
      const first = lineOf.get(code);
      if (first !== undefined) errors.push({ line: row.line, column: 'barcodes', reason: `barcode ${code} is also on line ${first}` });
      else lineOf.set(code, row.line);
    }
  }
  for (const part of chunked([...lineOf.keys()])) {
    for (const [code, sku] of await barcodeOwners(tx, part)) {
      errors.push({ line: lineOf.get(code)!, column: 'barcodes', reason: `barcode ${code} is already used by product ${sku}` });
    }
  }
  return errors;
}

async function insertRows(tx: EntityManager, rows: ProductRow[], parentIdOf: (row: ProductRow) => number | null) {
  await insertInChunks(tx, Product, rows.map((row) => ({
    sku: row.sku, name: row.name, unit: row.unit, attributes: row.attributes, purchasePrice: row.purchasePrice,
    salePrice: row.salePrice, parentId: parentIdOf(row), archived: false,
  })));
}

/**
 * Bulk import of products from CSV (issue 9 §3): every row is checked, every bad row reported,
 * and either all rows are created or none. Parents go in first, then variants, then the rows'
 * barcodes (issue 19 §5), in chunked INSERTs.
 */
export const productImportService = {
  async importCsv(ctx: RequestContext, csv: string): Promise<ProductImportResultType> {
    const parsed = parseProductCsv(csv);
    return unlessTaken(() => inTransaction(ctx.db, async (tx) => {
      const errors = [...parsed.errors, ...(await catalogErrors(tx, parsed.rows))].sort((a, b) => a.line - b.line);
      if (errors.length) return { ok: false, imported: 0, errors };
      const parents = parsed.rows.filter((r) => !r.parentSku);
      const variants = parsed.rows.filter((r) => r.parentSku);
      await insertRows(tx, parents, () => null);
      const ids = await productsBySku(tx, [...new Set(variants.map((v) => v.parentSku!.toLowerCase()))]);
      await insertRows(tx, variants, (row) => ids.get(row.parentSku!.toLowerCase())!.id);
      const coded = parsed.rows.filter((r) => r.barcodes.length);
      const created = await productsBySku(tx, coded.map((r) => r.sku.toLowerCase()));
      await insertInChunks(tx, ProductBarcode, coded.flatMap((r) => r.barcodes.map((code) => ({ productId: created.get(r.sku.toLowerCase())!.id, code }))));
      return { ok: true, imported: parsed.rows.length, errors: [] };
    }), 'csv', 'a SKU or barcode of the file was taken meanwhile by someone else; import again to see which');
  },
};
