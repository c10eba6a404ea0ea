import Decimal from 'decimal.js';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from './date.scalar';
import { DecimalScalar } from './decimal.scalar';
import { DocumentType } from './enums';

@InputType({ description: 'A document line. Which warehouse sides are required depends on the document type (DESIGN §1). An incoming line\'s value (quantity × its price, else the product\'s) is at most 100000000000 (amount.value).' })
export class DocumentItemInput {
  @Field(() => ID, { description: 'The product the line moves; not an archived one.' }) productId: string;
  @Field(() => DecimalScalar, { description: 'How much, in the product\'s unit: greater than zero (on an INVENTORY_COUNT line: the quantity counted, zero or more), a whole number for units that count whole numbers only.' }) quantity: Decimal;
  @Field(() => DecimalScalar, { nullable: true, description: 'Purchase price of the line; when omitted, the product\'s purchase price is captured at processing. Incoming lines only: refused on a SALES_ORDER, WRITE_OFF or STOCK_TRANSFER line, valued at its source\'s average cost, and on an INVENTORY_COUNT line, valued at its level\'s.' })
  purchasePrice?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Sale price of the line, ≥ 0; when omitted, the product\'s sale price is captured at processing. SALES_ORDER lines only.' })
  salePrice?: Decimal | null;
  @Field(() => ID, { nullable: true, description: 'Required for STOCK_TRANSFER, WRITE_OFF, SALES_ORDER; not allowed otherwise.' })
  fromWarehouseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required for STOCK_RECEIPT, STOCK_ADJUSTMENT, STOCK_TRANSFER and INVENTORY_COUNT (the warehouse counted, once per product); not allowed otherwise.' })
  toWarehouseId?: string | null;
}

@InputType({ description: 'A change to an existing line of a draft: omitted fields stay as they are.' })
export class DocumentItemChangeInput {
  @Field(() => ID, { description: 'The line to change (DocumentItem.id of this document).' }) id: string;
  @Field(() => ID, { nullable: true, description: 'Another product for the line; not an archived one.' }) productId?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'A new quantity, greater than zero (on an INVENTORY_COUNT line: the quantity counted, zero or more).' }) quantity?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'A new line price; null clears it. Refused on outgoing lines and on INVENTORY_COUNT lines.' }) purchasePrice?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'A new sale price; null clears it (the product\'s is captured at processing). SALES_ORDER lines only.' })
  salePrice?: Decimal | null;
  @Field(() => ID, { nullable: true, description: 'A new source warehouse, on document types that have one.' }) fromWarehouseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A new destination warehouse, on document types that have one.' }) toWarehouseId?: string | null;
}

@InputType({ description: 'A new DRAFT document: its type, header and lines (DESIGN §1).' })
export class CreateDocumentInput {
  @Field(() => DocumentType, { description: 'What the document does to stock; it decides which warehouse sides each line needs.' }) type: DocumentType;
  @Field(() => String, { nullable: true, description: 'A free-text title (default: empty).' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Deal reference; processing a sales order consumes the deal\'s reservations.' })
  dealRef?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The UTC day the document\'s ledger rows count on (default: today). Not before settings.closedBefore; a later day is allowed on a draft, which is processed from that day on.' })
  documentDate?: string | null;
  @Field(() => String, { nullable: true, description: 'STOCK_RECEIPT only: who delivered (free text).' }) supplier?: string | null;
  @Field(() => String, { nullable: true, description: 'STOCK_RECEIPT only: the number of the supplier\'s document (delivery note, invoice).' }) incomingNumber?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'STOCK_RECEIPT only: the date of the supplier\'s document.' }) incomingDate?: string | null;
  @Field(() => [DocumentItemInput], { nullable: true, description: 'Its lines; a draft may start without any.' }) items?: DocumentItemInput[] | null;
}

@InputType({ description: 'Edits a draft: header fields that are present change; lines are added, changed and removed in one step.' })
export class UpdateDocumentInput {
  @Field(() => String, { nullable: true, description: 'A new title; null clears it.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'A new deal reference; null clears it.' }) dealRef?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Moves the draft to another day (not before settings.closedBefore); null is refused.' })
  documentDate?: string | null;
  @Field(() => String, { nullable: true, description: 'STOCK_RECEIPT only; null clears it: who delivered (free text).' }) supplier?: string | null;
  @Field(() => String, { nullable: true, description: 'STOCK_RECEIPT only: the number of the supplier\'s document (delivery note, invoice).' }) incomingNumber?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'STOCK_RECEIPT only: the date of the supplier\'s document.' }) incomingDate?: string | null;
  @Field(() => [DocumentItemInput], { nullable: true, description: 'Lines to add.' }) addItems?: DocumentItemInput[] | null;
  @Field(() => [DocumentItemChangeInput], { nullable: true, description: 'Changes to existing lines, each naming its line.' }) changeItems?: DocumentItemChangeInput[] | null;
  @Field(() => [ID], { nullable: true, description: 'Lines to remove (DocumentItem.id of this document).' }) removeItemIds?: string[] | null;
}
