import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('CsvRowError', { description: 'One problem of one CSV line; line 1 is the header.' })
export class CsvRowErrorType {
  @Field(() => Int, { description: 'The line of the file, from 1 (the header).' }) line: number;
  @Field(() => String, { nullable: true, description: 'The CSV column, when the problem is in one.' }) column: string | null;
  @Field({ description: 'What is wrong, e.g. "sku is already taken".' }) reason: string;
}

@ObjectType('ProductImportResult', { description: 'All or nothing: with any error, nothing was imported.' })
export class ProductImportResultType {
  @Field({ description: 'True when the file had no error and every product was created.' }) ok: boolean;
  @Field(() => Int, { description: 'Products created (0 when there are errors).' }) imported: number;
  @Field(() => [CsvRowErrorType], { description: 'Every bad line, in line order.' }) errors: CsvRowErrorType[];
}
