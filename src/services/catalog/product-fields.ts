import Decimal from 'decimal.js';
import { AMOUNT_DECIMALS, AMOUNTS, TEXT_LENGTHS } from '../../limits/limits';
import { unitOf, UNITS } from './units';

/**
 * Validation of product fields shared by the product mutations and the CSV import, so a
 * value the form accepts is exactly a value the import accepts. Each check returns the
 * reason a value is refused, or null.
 */
export type Check<T> = (value: T) => string | null;

const T = TEXT_LENGTHS;
const SKU = new RegExp(`^[^\\s,;]{1,${T.sku}}$`);

export const checkSku: Check<string> = (sku) =>
  SKU.test(sku) ? null : `must be 1–${T.sku} characters without spaces, commas or semicolons`;

export const checkName: Check<string> = (name) =>
  name.length >= 1 && name.length <= T.name ? null : `must be 1–${T.name} characters`;

export const checkUnit: Check<string> = (unit) =>
  (unitOf(unit) ? null : `must be one of the units: ${UNITS.map((u) => u.code).join(', ')} (query units)`);

/** Within what both databases keep exactly (amount.price, issue 14 §3): never rounded. */
export const checkPrice: Check<Decimal> = (price) => {
  if (price.isNegative()) return 'must not be negative';
  if (price.decimalPlaces() > AMOUNT_DECIMALS || price.gt(AMOUNTS.price)) {
    return `must be at most ${AMOUNTS.price} with at most ${AMOUNT_DECIMALS} decimal places (amount.price)`;
  }
  return null;
};

export const checkAttributes: Check<Array<{ name: string; value: string }>> = (attributes) => {
  const names = new Set<string>();
  for (const { name, value } of attributes) {
    if (name.length < 1 || name.length > T.attributeName) return `attribute names must be 1–${T.attributeName} characters`;
    if (value.length < 1 || value.length > T.attributeValue) return `attribute "${name}" needs a value of 1–${T.attributeValue} characters`;
    const key = name.toLowerCase();
    if (names.has(key)) return `attribute "${name}" is given twice`;
    names.add(key);
  }
  return null;
};

export const toAttributeRecord = (attributes: Array<{ name: string; value: string }>): Record<string, string> =>
  Object.fromEntries(attributes.map(({ name, value }) => [name.trim(), value.trim()]));

/** Canonical text of an attribute set, to find two variants of one parent that do not differ. */
export const attributesKey = (attributes: Record<string, string> | null): string =>
  JSON.stringify(Object.entries(attributes ?? {})
    .map(([name, value]) => [name.toLowerCase(), value.toLowerCase()])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
