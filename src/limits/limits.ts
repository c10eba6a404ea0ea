import { DomainError } from '../errors';

/**
 * The fixed limits of the API, defined once (issue 22). The configurable ones (`LIMIT_*`:
 * depth, aliases, cost, tokens, directives, page size, body size, time budget, batch) are
 * `Limits` in src/config.ts; `LIMIT_TABLE` (limit-table.ts) lists both for docs/operations.md,
 * and the schema states each argument's bound (describe-arguments.ts), generated from here.
 */
export const LIMITS = {
  /** Lines of one document: createDocument items, and all its lines after an updateDocument. */
  documentLines: 1000,
  /** Product rows of one importProductsCsv (a file of that size with every column is ~800 KiB, within the 2 MiB body). */
  csvRows: 10_000,
  /** Entries of a list argument without a limit of its own (ids, grants, attributes, form fields). */
  listLength: 1000,
  /** Days one inventory report covers, both ends included (about three years). */
  reportDays: 1100,
  /**
   * Ceiling of `settings.maxReservationDays`, in days (about ten years): no reservation expires
   * later whatever the settings say, and `reserveProduct(expiresAt)` beyond it is refused before
   * any SQL. The settings' own maximum (SETTING_LIMITS) is checked by the service.
   */
  reservationDays: 3650,
  /**
   * Documents per call of the bulk document mutations (createDocuments / processDocuments). Each
   * item is ~10 statements plus its savepoint and the whole request must fit the time budget even
   * on a busy machine: 50 did not on the shared 2-core test machine under load.
   */
  bulkDocuments: 25,
  /** Barcodes of one product (createProduct / updateProduct `barcodes`). */
  productBarcodes: 50,
  /** Ids of one `nodes(ids:)`: a page's worth (a screen refetching what it shows), looked up one batch per kind (src/loaders). */
  nodeIds: 100,
  /**
   * Days ahead of today (UTC) a document's `documentDate` and a receipt's `incomingDate` may lie: a
   * draft may be dated on a planned delivery, but is processed only from its date on (issue 19 §1).
   */
  documentDateDaysAhead: 366,
} as const;

/**
 * Limits that are inventory settings (issue 15 §7): their defaults here, their values in the
 * settings row, changed with `updateSettings` (SETTINGS_EDIT) within 1..the LIMITS ceiling named
 * in the comment. Checked by the service that reads the settings, not before SQL.
 */
export const SETTING_LIMITS = {
  /** How far ahead a reservation's `expiresAt` may be, in days (1..LIMITS.reservationDays); also bounds `reservationDays`. */
  maxReservationDays: 365,
} as const;

/**
 * Characters of string arguments, the same as the columns that store them (so no value is
 * cut or refused by the database) or, for arguments not stored, what their use needs.
 * JavaScript counts UTF-16 code units, at least the characters a column counts: never over.
 */
export const TEXT_LENGTHS = {
  /** A string argument without a length of its own. */
  text: 255,
  /** An ID argument (ids are short; a long one names nothing). */
  id: 64,
  /** Free-text search (products, users, report product search). */
  search: 100,
  sku: 64,
  warehouseCode: 32,
  name: 255,
  /** Role and application names, application vendors. */
  shortName: 128,
  title: 255,
  dealRef: 64,
  /** A receipt's supplier (free text) and the supplier's document number. */
  supplier: 255,
  incomingNumber: 64,
  unit: 16,
  /** A product barcode (EAN/UPC/GTIN are 8–14 digits; internal codes get room). */
  barcode: 64,
  attributeName: 64,
  attributeValue: 255,
  address: 500,
  url: 500,
  description: 1000,
  login: 64,
  email: 255,
  clientId: 64,
} as const;

/**
 * Rows per INSERT and values per IN (…) list of the bulk statements (posting, import, edits).
 * Far below both databases' limits: SQLite's 32,766 host parameters and expression depth of
 * 1,000 (an IN list is one expression; chained ORs are not used), MariaDB's 65,535 placeholders
 * and max_allowed_packet (16 MiB default; a 500-row ledger INSERT is ~80 KiB).
 */
export const BULK = {
  insertRows: 500,
  inListValues: 1000,
} as const;

/**
 * Quantities and money (issue 14 §3): the largest absolute values accepted and stored, with at
 * most 4 decimal places (every DECIMAL column has scale 4). SQLite keeps a DECIMAL as a REAL
 * (a double: exact to 15 significant digits) or, for whole numbers, a 64-bit INTEGER, so every
 * amount stored must stay below 10^11 with 4 decimals (11 + 4 = 15 digits); MariaDB's columns
 * (DECIMAL(18,4), values DECIMAL(22,4)) hold more. The report rollups keep amounts as BIGINT
 * counts of 1/10000: a row at `value` is 10^15 units, 1/9,223 of their range. Derivation and what
 * is checked where: src/limits/amount-bounds.ts, docs/operations.md.
 */
export const AMOUNTS = {
  /** A line's or a reservation's quantity. */
  quantity: 1_000_000_000,
  /** A unit price: a product's purchase and sale price, a line's purchase price. */
  price: 1_000_000_000,
  /** Anything stored that adds up: a line's value (quantity × unit cost), a ledger row's value, a level's quantity and value. */
  value: 100_000_000_000,
  /** A report total kept in a rollup row (a warehouse's day or month): 2^63 − 1 units of 1/10000, floored to a whole amount. */
  total: 922_337_203_685_477,
} as const;

/** Decimal places of every quantity and amount (the DECIMAL columns' scale). */
export const AMOUNT_DECIMALS = 4;

export type FixedLimit = keyof typeof LIMITS;
export type AmountLimit = `amount.${keyof typeof AMOUNTS}`;
/** What `extensions.limit` names: a fixed limit, a string length, the list length or an amount. */
export type ArgumentLimit = FixedLimit | keyof typeof SETTING_LIMITS | 'stringLength' | 'pageSize' | AmountLimit;

/** BAD_USER_INPUT naming the field, the limit and its value; raised before any SQL runs. */
export const overLimit = (field: string, limit: ArgumentLimit, max: number, message: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field, limit, max });
