import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ORDER_DIRECTION, ORDER_FIELD, OrderDirection } from './connection';

export enum ProductOrderField {
  SKU = 'SKU',
  NAME = 'NAME',
}
registerEnumType(ProductOrderField, {
  name: 'ProductOrderField',
  description: 'What a product list sorts by.',
  valuesConfig: {
    SKU: { description: 'By SKU, as text.' },
    NAME: { description: 'By name, as text.' },
  },
});

@InputType({ description: 'The order of a product list; the id breaks ties. Default: in the order products were created (id ascending).' })
export class ProductOrder {
  @Field(() => ProductOrderField, { description: ORDER_FIELD }) field: ProductOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION }) direction: OrderDirection;
}

@InputType({ description: 'Conditions a listed product meets, all of them (issue 18 §1).' })
export class ProductListFilter {
  @Field(() => String, { nullable: true, description: 'The SKU exactly, any case.' }) sku?: string | null;
  @Field(() => String, { nullable: true, description: 'SKUs starting with this, any case.' }) skuPrefix?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only the variants of this product; an unknown id matches nothing.' }) parentId?: string | null;
  @Field(() => String, { nullable: true, description: 'The product with this barcode, byte-exact (archived ones with includeArchived).' }) barcode?: string | null;
}
