import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DocumentType } from './enums';
import { NodeInterface } from './node.type';

@ObjectType('DocumentFormFieldLayout', { description: 'One field of a document form: whether and where the form shows it.' })
export class DocumentFormFieldLayoutType {
  @Field({ description: 'Field name, e.g. "title", "dealRef", "purchasePrice".' }) field: string;
  @Field({ description: 'The label a form shows for it, e.g. "Deal reference".' }) label: string;
  @Field({ description: 'Required fields are always visible.' }) required: boolean;
  @Field({ description: 'Whether the form shows it; always true for required fields.' }) visible: boolean;
  @Field(() => Int, { description: '0-based position in the form.' }) position: number;
}

@ObjectType('DocumentFormLayout', { implements: NodeInterface, description: 'How the form of one document type shows its fields, in order.' })
export class DocumentFormLayoutType {
  @Field(() => DocumentType, { description: 'The document type whose form this is.' }) type: DocumentType;
  @Field({ description: 'False while the default layout applies.' }) customized: boolean;
  @Field(() => [DocumentFormFieldLayoutType], { description: 'Every field of the type, sorted by position.' })
  fields: DocumentFormFieldLayoutType[];
}

@InputType('DocumentFormFieldInput', { description: 'Where a form shows one field of its document type, and whether it shows it.' })
export class DocumentFormFieldInput {
  @Field({ description: 'The field\'s name, as DocumentFormFieldLayout.field.' }) field: string;
  @Field({ description: 'Whether the form shows it; a required field cannot be hidden.' }) visible: boolean;
  @Field(() => Int, { description: '0-based position in the form; each position once.' }) position: number;
}
