import Decimal from 'decimal.js';
import { parse } from 'csv-parse/sync';
import { LIMITS, overLimit } from '../../limits/limits';
import { barcodeProblem } from './product-barcodes';
import { checkAttributes, checkName, checkPrice, checkSku, checkUnit, toAttributeRecord } from './product-fields';

/** The import's columns (docs/catalog-and-warehouses.md); sku and name are required, the rest optional. */
export const CSV_COLUMNS = ['sku', 'name', 'parentSku', 'attributes', 'purchasePrice', 'salePrice', 'unit', 'barcodes'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: CsvColumn[] = ['sku', 'name'];

export interface CsvRowError {
  line: number;
  column: string | null;
  reason: string;
}

/** A row that passed the checks that need no database. */
export interface ProductRow {
  line: number;
  sku: string;
  name: string;
  parentSku: string | null;
  attributes: Record<string, string> | null;
  purchasePrice: Decimal | null;
  salePrice: Decimal | null;
  unit: string;
  /** The row's barcodes ("4006381333931;SCARF-01"), in the order given. */
  barcodes: string[];
}

const PRICE = /^\d{1,14}(\.\d{1,4})?$/;

/** "colour=powder pink; size=M" → [{ name: "colour", value: "powder pink" }, …]; null when malformed. */
function parseAttributes(text: string): Array<{ name: string; value: string }> | null {
  const pairs = text.split(';').map((p) => p.trim()).filter(Boolean);
  const parsed = pairs.map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? null : { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
  });
  return parsed.every((p) => p !== null) ? (parsed as Array<{ name: string; value: string }>) : null;
}

/** Records with the line each starts on (quoted fields may span lines). */
function records(csv: string): Array<{ line: number; values: string[] }> {
  const parsed = parse(csv.replace(/\r\n?/g, '\n'), {
    bom: true, raw: true, relax_column_count: true, skip_empty_lines: true,
  }) as unknown as Array<{ record: string[]; raw: string }>;
  let line = 1;
  return parsed.map(({ record, raw }) => {
    const leading = raw.length - raw.replace(/^\n+/, '').length;
    line += leading;
    const start = line;
    line += (raw.slice(leading).match(/\n/g) ?? []).length;
    return { line: start, values: record };
  });
}

/**
 * Whether any row of the file gives a purchase price (a value in a `purchasePrice` column): the
 * input rule of importProductsCsv asks it (src/shield/rules/input.rules.ts, DESIGN §3.9). A file
 * that is not CSV sets nothing; the import reports it.
 */
export function csvSetsPurchasePrices(csv: string): boolean {
  if (!csv.includes('purchasePrice')) return false;
  let all: Array<{ line: number; values: string[] }>;
  try {
    all = records(csv);
  } catch {
    return false;
  }
  const column = (all[0]?.values ?? []).map((v) => v.trim()).indexOf('purchasePrice');
  return column >= 0 && all.slice(1).some((r) => (r.values[column] ?? '').trim() !== '');
}

/** Rows that passed, and every problem found; with header problems no row is checked. */
export interface ParsedCsv {
  rows: ProductRow[];
  errors: CsvRowError[];
}

/**
 * Parses and checks every row without the database: the header, the column count, each value.
 * Every problem of every row is collected, so one round trip reports the whole file.
 */
export function parseProductCsv(csv: string): ParsedCsv {
  let all: Array<{ line: number; values: string[] }>;
  try {
    all = records(csv).filter((r) => r.values.some((v) => v.trim() !== ''));
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return { rows: [], errors: [{ line: e.lines ?? 1, column: null, reason: `not valid CSV: ${e.message ?? 'parse error'}` }] };
  }
  if (all.length === 0) return { rows: [], errors: [{ line: 1, column: null, reason: 'the file is empty; the first line must be the header' }] };
  const [header, ...body] = all;
  const columns = header.values.map((v) => v.trim());
  const errors: CsvRowError[] = [];
  columns.forEach((name, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ line: header.line, column: name, reason: `unknown column; the columns are ${CSV_COLUMNS.join(', ')}` });
    } else if (columns.indexOf(name) !== i) errors.push({ line: header.line, column: name, reason: 'column given twice' });
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.includes(name)) errors.push({ line: header.line, column: name, reason: 'required column missing' });
  }
  if (body.length === 0) errors.push({ line: header.line, column: null, reason: 'no product rows after the header' });
  // Refused up front, before any row is checked or any SQL runs (issue 22).
  if (body.length > LIMITS.csvRows) throw overLimit('csv', 'csvRows', LIMITS.csvRows, `at most ${LIMITS.csvRows} product rows per import (csvRows); this file has ${body.length}.`);
  if (errors.length) return { rows: [], errors };

  const rows: ProductRow[] = [];
  for (const { line, values } of body) {
    const fail = (column: string | null, reason: string) => errors.push({ line, column, reason });
    if (values.length !== columns.length) {
      fail(null, `has ${values.length} fields, the header has ${columns.length}`);
      continue;
    }
    const cell = (name: CsvColumn) => {
      const i = columns.indexOf(name);
      return i < 0 ? '' : values[i].trim();
    };
    const before = errors.length;
    const check = <T>(column: CsvColumn, value: T, reason: string | null) => (reason ? (fail(column, reason), null) : value);
    const sku = check('sku', cell('sku'), checkSku(cell('sku')));
    const name = check('name', cell('name'), checkName(cell('name')));
    const unit = check('unit', cell('unit') || 'pcs', checkUnit(cell('unit') || 'pcs'));
    const parentSku = cell('parentSku') || null;
    const price = (column: 'purchasePrice' | 'salePrice') => {
      const text = cell(column);
      if (!text) return null;
      if (!PRICE.test(text)) return check(column, null, 'must be a decimal ≥ 0 like 12.50 (dot as separator, up to 4 decimals)');
      const value = new Decimal(text);
      return check(column, value, checkPrice(value));
    };
    const purchasePrice = price('purchasePrice');
    const salePrice = price('salePrice');
    let attributes: Record<string, string> | null = null;
    if (cell('attributes')) {
      const list = parseAttributes(cell('attributes'));
      if (!list) fail('attributes', 'must be name=value pairs separated by ";", e.g. colour=pink;size=M');
      else if (check('attributes', list, checkAttributes(list))) attributes = toAttributeRecord(list);
    }
    if (parentSku && !attributes && errors.length === before) fail('attributes', 'a variant needs at least one attribute, e.g. colour=pink');
    const barcodes = cell('barcodes').split(';').map((code) => code.trim()).filter(Boolean);
    for (const [i, code] of barcodes.entries()) {
      const problem = barcodeProblem(code) ?? (barcodes.indexOf(code) !== i ? `"${code}" is given twice` : null);
      if (problem) fail('barcodes', `${code.slice(0, 40)}: ${problem}`);
    }
    if (errors.length === before) rows.push({ line, sku: sku!, name: name!, unit: unit!, parentSku, attributes, purchasePrice, salePrice, barcodes });
  }
  return { rows, errors };
}
