import { DocumentType } from '../../shield/permission-catalog';

/** One field a document form can show; `required` fields are always visible but can be moved. */
export interface FormFieldDefinition {
  field: string;
  label: string;
  required: boolean;
}

const field = (name: string, label: string, required = false): FormFieldDefinition => ({ field: name, label, required });

const TITLE = field('title', 'Title');
const DEAL_REF = field('dealRef', 'Deal');
const DOCUMENT_DATE = field('documentDate', 'Document date');
/** A receipt's supplier and the supplier's own document (issue 19 §1). */
const SUPPLIER = [field('supplier', 'Supplier'), field('incomingNumber', 'Incoming number'), field('incomingDate', 'Incoming date')];
const PRODUCT = field('product', 'Product', true);
const QUANTITY = field('quantity', 'Quantity', true);
const PURCHASE_PRICE = field('purchasePrice', 'Purchase price');
const FROM = field('fromWarehouse', 'From warehouse', true);
const TO = field('toWarehouse', 'To warehouse', true);

/**
 * The fields each document type has (DESIGN §1 table), in their default order. Only fields the
 * document model has belong here (the API's InventoryDocument and DocumentItem fields): a layout can
 * arrange what exists, never invent a field.
 */
export const DOCUMENT_FORM_FIELDS: Record<DocumentType, FormFieldDefinition[]> = {
  STOCK_RECEIPT: [TITLE, DOCUMENT_DATE, ...SUPPLIER, TO, PRODUCT, QUANTITY, PURCHASE_PRICE],
  STOCK_ADJUSTMENT: [TITLE, DOCUMENT_DATE, TO, PRODUCT, QUANTITY, PURCHASE_PRICE],
  STOCK_TRANSFER: [TITLE, DOCUMENT_DATE, FROM, TO, PRODUCT, QUANTITY],
  WRITE_OFF: [TITLE, DOCUMENT_DATE, FROM, PRODUCT, QUANTITY],
  SALES_ORDER: [TITLE, DOCUMENT_DATE, DEAL_REF, FROM, PRODUCT, QUANTITY],
  // A count's line: the warehouse counted, the product, what was counted; book and difference are known once processed.
  INVENTORY_COUNT: [TITLE, DOCUMENT_DATE, field('toWarehouse', 'Warehouse', true), PRODUCT, field('quantity', 'Counted quantity', true),
    field('bookQuantity', 'Book quantity'), field('difference', 'Difference')],
};
