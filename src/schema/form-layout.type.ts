import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DocumentType } from './enums';
import { NodeInterface } from './node.type';

@ObjectType('DocumentFormFieldLayout')
export class DocumentFormFieldLayoutType {
  @Field({ description: 'Field name, e.g. "title", "dealRef", "purchasePrice".' }) field: string;
  @Field() label: string;
  @Field({ description: 'Required fields are always visible.' }) required: boolean;
  @Field() visible: boolean;
  @Field(() => Int, { description: '0-based position in the form.' }) position: number;
}

@ObjectType('DocumentFormLayout', { implements: NodeInterface, description: 'How the form of one document type shows its fields, in order.' })
export class DocumentFormLayoutType {
  @Field(() => DocumentType) type: DocumentType;
  @Field({ description: 'False while the default layout applies.' }) customized: boolean;
  @Field(() => [DocumentFormFieldLayoutType], { description: 'Every field of the type, sorted by position.' })
  fields: DocumentFormFieldLayoutType[];
}

@InputType('DocumentFormFieldInput')
export class DocumentFormFieldInput {
  @Field() field: string;
  @Field() visible: boolean;
  @Field(() => Int) position: number;
}
