import { DocumentType } from '../../shield/permission-catalog';

/**
 * The stable keys of the singletons that have no key of their own (docs/design.md "Ids"): the
 * settings row, and one form layout per document type. Part of every id issued: never renumber.
 */
export const SETTINGS_KEY = 1;
export const FORM_LAYOUT_KEYS: Record<DocumentType, number> = {
  [DocumentType.STOCK_RECEIPT]: 1,
  [DocumentType.STOCK_ADJUSTMENT]: 2,
  [DocumentType.STOCK_TRANSFER]: 3,
  [DocumentType.WRITE_OFF]: 4,
  [DocumentType.SALES_ORDER]: 5,
  [DocumentType.INVENTORY_COUNT]: 6,
};
export const FORM_LAYOUT_TYPES = new Map(Object.entries(FORM_LAYOUT_KEYS).map(([type, key]) => [key, type as DocumentType]));
