import Decimal from 'decimal.js';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from './date.scalar';
import { DecimalScalar } from './decimal.scalar';
import { DocumentType } from './enums';

@InputType({ description: 'A document line. Which warehouse sides are required depends on the document type (DESIGN §1). An incoming line\'s value (quantity × its price, else the product\'s) is at most 100000000000 (amount.value).' })
export class DocumentItemInput {
  @Field(() => ID) productId: string;
  @Field(() => DecimalScalar, { description: 'Greater than zero.' }) quantity: Decimal;
  @Field(() => DecimalScalar, { nullable: true, description: 'Purchase price of the line; when omitted, the product\'s purchase price is captured at processing. Needs PURCHASE_PRICE_VIEW. Incoming lines only: refused on a SALES_ORDER, WRITE_OFF or STOCK_TRANSFER line, valued at its source\'s average cost.' })
  purchasePrice?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Sale price of the line, ≥ 0; when omitted, the product\'s sale price is captured at processing. Needs SALES_VIEW. SALES_ORDER lines only.' })
  salePrice?: Decimal | null;
  @Field(() => ID, { nullable: true, description: 'Required for STOCK_TRANSFER, WRITE_OFF, SALES_ORDER; not allowed otherwise.' })
  fromWarehouseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required for STOCK_RECEIPT, STOCK_ADJUSTMENT, STOCK_TRANSFER; not allowed otherwise.' })
  toWarehouseId?: string | null;
}

@InputType({ description: 'A change to an existing line of a draft: omitted fields stay as they are.' })
export class DocumentItemChangeInput {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) productId?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) quantity?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'null clears the line price. Needs PURCHASE_PRICE_VIEW; a price is refused on outgoing lines.' }) purchasePrice?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'null clears the sale price (the product\'s is captured at processing). Needs SALES_VIEW; SALES_ORDER lines only.' }) salePrice?: Decimal | null;
  @Field(() => ID, { nullable: true }) fromWarehouseId?: string | null;
  @Field(() => ID, { nullable: true }) toWarehouseId?: string | null;
}

@InputType()
export class CreateDocumentInput {
  @Field(() => DocumentType) type: DocumentType;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Deal reference; processing a sales order consumes the deal\'s reservations.' })
  dealRef?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The UTC day the document\'s ledger rows count on (default: today). Not before settings.closedBefore; a later day is allowed on a draft, which is processed from that day on.' })
  documentDate?: string | null;
  @Field(() => String, { nullable: true, description: 'STOCK_RECEIPT only: who delivered (free text).' }) supplier?: string | null;
  @Field(() => String, { nullable: true, description: 'STOCK_RECEIPT only: the number of the supplier\'s document (delivery note, invoice).' }) incomingNumber?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'STOCK_RECEIPT only: the date of the supplier\'s document.' }) incomingDate?: string | null;
  @Field(() => [DocumentItemInput], { nullable: true }) items?: DocumentItemInput[] | null;
}

@InputType({ description: 'Edits a draft: header fields that are present change; lines are added, changed and removed in one step.' })
export class UpdateDocumentInput {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'null clears it.' }) dealRef?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Moves the draft to another day (not before settings.closedBefore); null is refused.' })
  documentDate?: string | null;
  @Field(() => String, { nullable: true, description: 'STOCK_RECEIPT only; null clears it: who delivered (free text).' }) supplier?: string | null;
  @Field(() => String, { nullable: true, description: 'STOCK_RECEIPT only: the number of the supplier\'s document (delivery note, invoice).' }) incomingNumber?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'STOCK_RECEIPT only: the date of the supplier\'s document.' }) incomingDate?: string | null;
  @Field(() => [DocumentItemInput], { nullable: true }) addItems?: DocumentItemInput[] | null;
  @Field(() => [DocumentItemChangeInput], { nullable: true }) changeItems?: DocumentItemChangeInput[] | null;
  @Field(() => [ID], { nullable: true }) removeItemIds?: string[] | null;
}
