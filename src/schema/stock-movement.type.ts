import Decimal from 'decimal.js';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MovementKind } from '../entities/stock-movement.entity';
import './enums';
import { DocumentType } from '../shield/permission-catalog';
import { Connection, ORDER_DIRECTION, ORDER_FIELD, OrderDirection, PageArgs } from './connection';
import { DateScalar } from './date.scalar';
import { DecimalScalar } from './decimal.scalar';
import { NODE_ID, NodeInterface } from './node.type';

registerEnumType(MovementKind, {
  name: 'MovementKind',
  description: 'How a ledger row counts in reports (docs/reports.md).',
  valuesConfig: {
    RECEIVED: { description: 'Into a warehouse from outside: receipts and adjustments.' },
    SHIPPED: { description: 'Out of a warehouse by a sales order.' },
    OTHER_OUT: { description: 'Out of a warehouse by a write-off.' },
    TRANSFER_IN: { description: 'Into a warehouse by a transfer.' },
    TRANSFER_OUT: { description: 'Out of a warehouse by a transfer.' },
  },
});

/** One ledger row (DESIGN §1) as the product history shows it; `product`, `warehouse`, `document` are field resolvers. */
@ObjectType('StockMovement', { implements: NodeInterface, description: 'One row of the stock ledger: a signed quantity of one product in one warehouse.' })
export class StockMovementType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field(() => MovementKind, { description: 'How the row counts in reports; a reversal keeps the kind of the row it reverses.' }) kind: MovementKind;
  @Field(() => DocumentType, { description: 'The type of the document that moved the stock.' }) documentType: DocumentType;
  @Field(() => DecimalScalar, { description: 'Signed: positive into the warehouse, negative out of it.' }) quantity: Decimal;
  @Field(() => DecimalScalar, { nullable: true, description: 'Unit cost the row was posted at.' }) unitCost: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'quantity × unit cost, signed.' }) value: Decimal | null;
  @Field({ description: 'True for a row that reverses a cancelled document.' }) reversal: boolean;
  @Field({ description: 'When the row counts: its document\'s date (the processing instant for a document processed on its date, else 00:00 UTC of that day); a reversal keeps the date of the row it reverses. Rows are listed in this order.' })
  occurredAt: Date;
  @Field({ description: 'When the row was written: the processing or cancellation instant.' }) postedAt: Date;
  @Field(() => DecimalScalar, {
    description: 'Running balance after this row: the product\'s quantity in the listed warehouse, or without `warehouseId` in all selectable warehouses together, counting every earlier row (also those before `from`).',
  })
  balance: Decimal;
}

export const StockMovementConnection = Connection(StockMovementType, 'StockMovement');

export enum MovementOrderField {
  POSTED = 'POSTED',
}
registerEnumType(MovementOrderField, {
  name: 'MovementOrderField',
  description: 'What a product\'s ledger sorts by.',
  valuesConfig: { POSTED: { description: 'Ledger order: by the day a row counts on (its document\'s date, occurredAt), then the order the rows were posted in — the order the running balance follows.' } },
});

@InputType({ description: 'The order of a product\'s ledger. Default: ledger order (date, then posting), oldest first; DESC: newest first (each row keeps its balance).' })
export class MovementOrder {
  @Field(() => MovementOrderField, { defaultValue: MovementOrderField.POSTED, description: ORDER_FIELD }) field: MovementOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION }) direction: OrderDirection;
}

@ArgsType()
export class MovementHistoryArgs extends PageArgs {
  @Field(() => MovementOrder, { nullable: true, description: 'The order of the rows; default: ledger order, oldest first.' }) orderBy?: MovementOrder | null;
  @Field(() => ID, { description: 'The product whose movements to list.' }) productId: string;
  @Field(() => ID, { nullable: true, description: 'Only this warehouse (empty when it is not selectable); omitted: every selectable warehouse.' })
  warehouseId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'First UTC day, included.' }) from?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last UTC day, included.' }) to?: string | null;
}
