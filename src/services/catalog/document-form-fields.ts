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
const PRODUCT = field('product', 'Product', true);
const QUANTITY = field('quantity', 'Quantity', true);
const PURCHASE_PRICE = field('purchasePrice', 'Purchase price');
const FROM = field('fromWarehouse', 'From warehouse', true);
const TO = field('toWarehouse', 'To warehouse', true);

/**
 * The fields each document type has (DESIGN §1 table), in their default order. Only fields the
 * document model stores belong here: a layout can arrange what exists, never invent a field.
 */
export const DOCUMENT_FORM_FIELDS: Record<DocumentType, FormFieldDefinition[]> = {
  STOCK_RECEIPT: [TITLE, TO, PRODUCT, QUANTITY, PURCHASE_PRICE],
  STOCK_ADJUSTMENT: [TITLE, TO, PRODUCT, QUANTITY, PURCHASE_PRICE],
  STOCK_TRANSFER: [TITLE, FROM, TO, PRODUCT, QUANTITY],
  WRITE_OFF: [TITLE, FROM, PRODUCT, QUANTITY],
  SALES_ORDER: [TITLE, DEAL_REF, FROM, PRODUCT, QUANTITY],
};
