import Decimal from 'decimal.js';
import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from './decimal.scalar';

const BARCODES = 'Printable ASCII without spaces, compared exactly; each unique across products (CONFLICT naming the one holding it).';

@InputType('ProductAttributeInput', { description: 'An attribute a variant differs by, e.g. colour = "powder pink".' })
export class ProductAttributeInput {
  @Field({ description: 'What variants differ by, e.g. "colour": 1–64 characters, unique within the product.' }) name: string;
  @Field({ description: 'This variant\'s value of it, e.g. "powder pink"; 1–255 characters.' }) value: string;
}

@InputType('CreateProductInput', { description: 'A new product, or with parentId a variant of one.' })
export class CreateProductInput {
  @Field({ description: 'Unique (case-insensitively), 1–64 characters without spaces.' }) sku: string;
  @Field({ description: 'What it is called, 1–255 characters.' }) name: string;
  @Field(() => ID, { nullable: true, description: 'Makes this a variant of a top-level, non-archived product.' }) parentId?: string | null;
  @Field(() => [ProductAttributeInput], { nullable: true, description: 'Required for a variant, unique among its siblings.' })
  attributes?: ProductAttributeInput[] | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'What it is bought at, ≥ 0; omitted: not set.' }) purchasePrice?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'What it is sold at, ≥ 0; omitted: not set.' }) salePrice?: Decimal | null;
  @Field(() => String, { nullable: true, description: 'A unit code from the `units` query; default "pcs".' }) unit?: string | null;
  @Field(() => [String], { nullable: true, description: BARCODES }) barcodes?: string[] | null;
}

@InputType('UpdateProductInput', { description: 'Omitted fields stay as they are; null clears a price. The parent cannot change.' })
export class UpdateProductInput {
  @Field(() => String, { nullable: true, description: 'A new SKU: unique (case-insensitively), 1–64 characters without spaces.' }) sku?: string | null;
  @Field(() => String, { nullable: true, description: 'A new name, 1–255 characters.' }) name?: string | null;
  @Field(() => [ProductAttributeInput], { nullable: true, description: 'A variant\'s attributes, all of them: they replace the old ones.' })
  attributes?: ProductAttributeInput[] | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'A new purchase price, ≥ 0; null clears it.' }) purchasePrice?: Decimal | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'A new sale price, ≥ 0; null clears it.' }) salePrice?: Decimal | null;
  @Field(() => String, { nullable: true, description: 'A unit code from the `units` query.' }) unit?: string | null;
  @Field(() => [String], { nullable: true, description: `${BARCODES} Replaces all of the product's barcodes; [] or null removes them.` })
  barcodes?: string[] | null;
}
