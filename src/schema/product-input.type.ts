import Decimal from 'decimal.js';
import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from './decimal.scalar';

const BARCODES = 'Printable ASCII without spaces, compared exactly; each unique across products (CONFLICT naming the one holding it).';

@InputType('ProductAttributeInput')
export class ProductAttributeInput {
  @Field({ description: '1–64 characters, unique within the product.' }) name: string;
  @Field({ description: '1–255 characters.' }) value: string;
}

@InputType('CreateProductInput')
export class CreateProductInput {
  @Field({ description: 'Unique (case-insensitively), 1–64 characters without spaces.' }) sku: string;
  @Field({ description: '1–255 characters.' }) name: string;
  @Field(() => ID, { nullable: true, description: 'Makes this a variant of a top-level, non-archived product.' }) parentId?: string | null;
  @Field(() => [ProductAttributeInput], { nullable: true, description: 'Required for a variant, unique among its siblings.' })
  attributes?: ProductAttributeInput[] | null;
  @Field(() => DecimalScalar, { nullable: true, description: '≥ 0. Setting it also needs PURCHASE_PRICE_VIEW.' }) purchasePrice?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: '≥ 0.' }) salePrice?: Decimal | null;
  @Field(() => String, { nullable: true, description: 'A unit code from the `units` query; default "pcs".' }) unit?: string | null;
  @Field(() => [String], { nullable: true, description: BARCODES }) barcodes?: string[] | null;
}

@InputType('UpdateProductInput', { description: 'Omitted fields stay as they are; null clears a price. The parent cannot change.' })
export class UpdateProductInput {
  @Field(() => String, { nullable: true }) sku?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [ProductAttributeInput], { nullable: true }) attributes?: ProductAttributeInput[] | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Setting or clearing it also needs PURCHASE_PRICE_VIEW.' }) purchasePrice?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true }) salePrice?: Decimal | null;
  @Field(() => String, { nullable: true, description: 'A unit code from the `units` query.' }) unit?: string | null;
  @Field(() => [String], { nullable: true, description: `${BARCODES} Replaces all of the product's barcodes; [] or null removes them.` })
  barcodes?: string[] | null;
}
