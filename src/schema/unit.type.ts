import { Field, ObjectType } from 'type-graphql';

@ObjectType('Unit', { description: 'A unit of measure a product may have (docs/catalog-and-warehouses.md).' })
export class UnitType {
  @Field({ description: 'What Product.unit holds, e.g. "kg".' }) code: string;
  @Field({ description: 'Its name in words, e.g. "kilograms".' }) name: string;
  @Field({ description: 'Document line quantities of products in this unit must be whole numbers.' }) wholeNumbersOnly: boolean;
}
