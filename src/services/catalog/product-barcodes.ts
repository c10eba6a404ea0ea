import { EntityManager, In, Not } from 'typeorm';
import { RequestContext } from '../../context';
import { Product } from '../../entities/product.entity';
import { ProductBarcode } from '../../entities/product-barcode.entity';
import { conflict, InputErrors } from '../../errors';
import { TEXT_LENGTHS } from '../../limits/limits';
import { isUniqueViolation } from '../platform/management-errors';

/**
 * A product's barcodes (issue 19 §5, docs/catalog-and-warehouses.md): printable text without
 * spaces, compared byte-exactly, unique across the catalog. Products are not located, so a clash
 * may name the product holding the code (its SKU): every catalog viewer can see it.
 */
const BARCODE = new RegExp(`^[\\x21-\\x7e]{1,${TEXT_LENGTHS.barcode}}$`);

/** Why one code is not a barcode, or null when it is one. */
export const barcodeProblem = (code: string): string | null =>
  (BARCODE.test(code) ? null : `must be 1–${TEXT_LENGTHS.barcode} printable ASCII characters without spaces`);

/** Checks the list on its own (shape, repeats); the codes to store, in the order given. */
export function barcodesOf(errors: InputErrors, input: string[] | null): string[] | undefined {
  const codes = input ?? [];
  const seen = new Set<string>();
  const before = errors.count;
  codes.forEach((code, i) => {
    const problem = barcodeProblem(code);
    if (problem) errors.add(`input.barcodes[${i}]`, problem);
    else if (seen.has(code)) errors.add(`input.barcodes[${i}]`, `"${code}" is given twice`);
    seen.add(code);
  });
  return errors.count === before ? codes : undefined;
}

const taken = (index: number, code: string, sku: string) =>
  conflict(`input.barcodes[${index}]: barcode "${code}" is already used by product ${sku}.`, {
    field: `input.barcodes[${index}]`, reason: 'BARCODE_TAKEN', sku,
  });

/** Replaces the product's barcodes; a code another product holds is a CONFLICT naming the field. */
export async function replaceBarcodes(tx: EntityManager, productId: number, codes: string[]): Promise<void> {
  const repo = tx.getRepository(ProductBarcode);
  if (codes.length) {
    const held = await repo.find({ where: { code: In(codes), productId: Not(productId) } });
    // The database compares with the column's collation; the exact check keeps the answer byte-exact anyway.
    const clash = held.find((row) => codes.includes(row.code));
    if (clash) {
      const owner = await tx.getRepository(Product).findOneByOrFail({ id: clash.productId });
      throw taken(codes.indexOf(clash.code), clash.code, owner.sku);
    }
  }
  await repo.delete({ productId });
  if (!codes.length) return;
  try {
    await repo.insert(codes.map((code) => ({ productId, code })));
  } catch (error) {
    // A concurrent write took one of the codes after the check above.
    if (isUniqueViolation(error)) throw conflict('input.barcodes: a barcode was taken by another product meanwhile; try again.', { field: 'input.barcodes', reason: 'BARCODE_TAKEN' });
    throw error;
  }
}

/** Products holding any of these codes, byte-exactly: code → product SKU (CSV import's clash check). */
export async function barcodeOwners(tx: EntityManager, codes: string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  if (!codes.length) return owners;
  const rows = await tx.getRepository(ProductBarcode).createQueryBuilder('b')
    .innerJoin(Product, 'p', 'p.id = b.productId').select(['b.code AS code', 'p.sku AS sku'])
    .where('b.code IN (:...codes)', { codes }).getRawMany<{ code: string; sku: string }>();
  for (const row of rows) if (codes.includes(row.code)) owners.set(row.code, row.sku);
  return owners;
}

/** The product holding exactly this code, or null. */
export async function productIdByBarcode(ctx: RequestContext, code: string): Promise<number | null> {
  const row = await ctx.db.getRepository(ProductBarcode).findOne({ where: { code } });
  return row && row.code === code ? row.productId : null;
}
