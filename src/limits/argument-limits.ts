import { MAX_PAGE_SIZE } from '../schema/connection';
import { AMOUNT_DECIMALS, AMOUNTS, ArgumentLimit, LIMITS, TEXT_LENGTHS } from './limits';

/**
 * Which limit bounds each argument and input field (issue 22, issue 15 §7): every String and ID
 * has a length, every list a length, `first` the page size, a reservation's `expiresAt` a
 * horizon. Found by coordinate ("Type.field" for input fields, "Type.field(arg)" for arguments),
 * then by field name, then by scalar type, so a new argument is bounded before anyone thinks of it.
 */
export interface Bound {
  limit: ArgumentLimit;
  max: number;
  /** What `max` counts, for messages and descriptions. */
  unit: 'characters' | 'items' | 'documents' | 'lines' | 'rows' | 'days ahead' | 'in absolute value';
  /** Checked by the service (it must parse the value to count); the argument check skips it. */
  inService?: boolean;
}

const chars = (max: number): Bound => ({ limit: 'stringLength', max, unit: 'characters' });
const LINES: Bound = { limit: 'documentLines', max: LIMITS.documentLines, unit: 'lines' };
const ITEMS: Bound = { limit: 'listLength', max: LIMITS.listLength, unit: 'items' };
const BARCODES: Bound = { limit: 'productBarcodes', max: LIMITS.productBarcodes, unit: 'items' };
const DATE_AHEAD: Bound = { limit: 'documentDateDaysAhead', max: LIMITS.documentDateDaysAhead, unit: 'days ahead', inService: true };
const BULK_DOCUMENTS: Bound = { limit: 'bulkDocuments', max: LIMITS.bulkDocuments, unit: 'documents' };
const NODE_IDS: Bound = { limit: 'nodeIds', max: LIMITS.nodeIds, unit: 'items' };

/** Lists with a limit of their own; every other list has ITEMS. */
const LIST_BOUNDS: Record<string, Bound> = {
  'CreateDocumentInput.items': LINES,
  'UpdateDocumentInput.addItems': LINES,
  'UpdateDocumentInput.changeItems': LINES,
  'UpdateDocumentInput.removeItemIds': LINES,
  'CreateProductInput.barcodes': BARCODES,
  'UpdateProductInput.barcodes': BARCODES,
  'Mutation.createDocuments(inputs)': BULK_DOCUMENTS,
  'Mutation.processDocuments(documents)': BULK_DOCUMENTS,
  'Query.nodes(ids)': NODE_IDS,
};

/** Values bounded by their coordinate (before the name rules). */
const VALUE_BOUNDS: Record<string, Bound> = {
  'Mutation.importProductsCsv(csv)': { limit: 'csvRows', max: LIMITS.csvRows, unit: 'rows', inService: true },
  'Mutation.reserveProduct(expiresAt)': { limit: 'reservationDays', max: LIMITS.reservationDays, unit: 'days ahead' },
  'CreateRoleInput.name': chars(TEXT_LENGTHS.shortName),
  'UpdateRoleInput.name': chars(TEXT_LENGTHS.shortName),
  'RegisterApplicationInput.name': chars(TEXT_LENGTHS.shortName),
  'RegisterApplicationInput.vendor': chars(TEXT_LENGTHS.shortName),
  'ProductAttributeInput.name': chars(TEXT_LENGTHS.attributeName),
  'ProductAttributeInput.value': chars(TEXT_LENGTHS.attributeValue),
  'CreateWarehouseInput.code': chars(TEXT_LENGTHS.warehouseCode),
  'UpdateWarehouseInput.code': chars(TEXT_LENGTHS.warehouseCode),
  'Query.productByBarcode(code)': chars(TEXT_LENGTHS.barcode),
  'CreateDocumentInput.documentDate': DATE_AHEAD,
  'UpdateDocumentInput.documentDate': DATE_AHEAD,
  'CreateDocumentInput.incomingDate': DATE_AHEAD,
  'UpdateDocumentInput.incomingDate': DATE_AHEAD,
};

/** String arguments and input fields by name, wherever they appear. */
const NAME_BOUNDS: Record<string, Bound> = {
  sku: chars(TEXT_LENGTHS.sku),
  name: chars(TEXT_LENGTHS.name),
  title: chars(TEXT_LENGTHS.title),
  dealRef: chars(TEXT_LENGTHS.dealRef),
  supplier: chars(TEXT_LENGTHS.supplier),
  incomingNumber: chars(TEXT_LENGTHS.incomingNumber),
  unit: chars(TEXT_LENGTHS.unit),
  barcodes: chars(TEXT_LENGTHS.barcode),
  address: chars(TEXT_LENGTHS.address),
  callbackUrl: chars(TEXT_LENGTHS.url),
  description: chars(TEXT_LENGTHS.description),
  login: chars(TEXT_LENGTHS.login),
  email: chars(TEXT_LENGTHS.email),
  clientId: chars(TEXT_LENGTHS.clientId),
  search: chars(TEXT_LENGTHS.search),
  productSearch: chars(TEXT_LENGTHS.search),
};

/** Int arguments by name. */
const INT_BOUNDS: Record<string, Bound> = {
  first: { limit: 'pageSize', max: MAX_PAGE_SIZE, unit: 'items' },
  last: { limit: 'pageSize', max: MAX_PAGE_SIZE, unit: 'items' },
};

const amount = (name: keyof typeof AMOUNTS): Bound => ({ limit: `amount.${name}`, max: AMOUNTS[name], unit: 'in absolute value' });

/** Decimal arguments by name (issue 14 §3); any other Decimal gets `amount.value`. */
const DECIMAL_BOUNDS: Record<string, Bound> = {
  quantity: amount('quantity'),
  purchasePrice: amount('price'),
  salePrice: amount('price'),
  minimum: amount('quantity'),
  reorderQuantity: amount('quantity'),
};

const SCALAR_DEFAULTS: Record<string, Bound> = {
  String: chars(TEXT_LENGTHS.text),
  ID: chars(TEXT_LENGTHS.id),
  Decimal: amount('value'),
};

/** The bound of a list at this coordinate. */
export const listBound = (coordinate: string): Bound => LIST_BOUNDS[coordinate] ?? ITEMS;

/** The bound of a scalar value (or of each item of a list of them) at this coordinate, if any. */
export function valueBound(coordinate: string, name: string, scalar: string): Bound | undefined {
  const byCoordinate = VALUE_BOUNDS[coordinate];
  if (byCoordinate) return byCoordinate;
  if (scalar === 'String' || scalar === 'ID') return (scalar === 'String' ? NAME_BOUNDS[name] : undefined) ?? SCALAR_DEFAULTS[scalar];
  if (scalar === 'Int') return INT_BOUNDS[name];
  if (scalar === 'Decimal') return DECIMAL_BOUNDS[name] ?? SCALAR_DEFAULTS.Decimal;
  return undefined;
}

/** Every coordinate named above, for the test that fails when one no longer exists in the schema. */
export const BOUND_COORDINATES = [...Object.keys(LIST_BOUNDS), ...Object.keys(VALUE_BOUNDS)];

/** "at most 1000 lines (documentLines)". */
export const describeBound = (bound: Bound) => (bound.unit === 'in absolute value'
  ? `at most ${bound.max} ${bound.unit} with at most ${AMOUNT_DECIMALS} decimal places (${bound.limit})`
  : `at most ${bound.max} ${bound.unit} (${bound.limit})`);
