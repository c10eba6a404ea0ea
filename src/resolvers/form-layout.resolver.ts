import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../context';
import { DocumentType } from '../schema/enums';
import { FORM_LAYOUT_KEYS } from '../schema/id-coordinates';
import { DocumentFormFieldInput, DocumentFormLayoutType } from '../schema/form-layout.type';
import { formLayoutService } from '../services/catalog/form-layout.service';

@Resolver(() => DocumentFormLayoutType)
export class FormLayoutResolver {
  @FieldResolver(() => ID, { description: 'The layout\'s global id: one per document type, the same in every response (docs/frontend.md).' })
  id(@Root() layout: DocumentFormLayoutType): number {
    return FORM_LAYOUT_KEYS[layout.type];
  }

  @Query(() => DocumentFormLayoutType, { nullable: true, description: 'How to render the form of a document type: its fields, in order.' })
  documentFormLayout(@Ctx() ctx: RequestContext, @Arg('type', () => DocumentType, { description: 'The document type whose form to show.' }) type: DocumentType) {
    return formLayoutService.get(ctx, type);
  }

  @Mutation(() => DocumentFormLayoutType, { nullable: true, description: 'Sets the order and visibility of a document type\'s form fields; audited.' })
  setDocumentFormLayout(@Ctx() ctx: RequestContext, @Arg('type', () => DocumentType, { description: 'The document type whose form to change.' }) type: DocumentType,
                        @Arg('fields', () => [DocumentFormFieldInput], { description: 'Every field of the type, each once, with distinct positions.' })
                        fields: DocumentFormFieldInput[]) {
    return formLayoutService.set(ctx, type, fields);
  }

  @Mutation(() => DocumentFormLayoutType, { nullable: true, description: 'Puts a document type\'s form back to the default layout.' })
  resetDocumentFormLayout(@Ctx() ctx: RequestContext, @Arg('type', () => DocumentType, { description: 'The document type whose form to reset.' }) type: DocumentType) {
    return formLayoutService.set(ctx, type, null);
  }
}
