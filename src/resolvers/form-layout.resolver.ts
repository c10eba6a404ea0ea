import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { DocumentType } from '../schema/enums';
import { DocumentFormFieldInput, DocumentFormLayoutType } from '../schema/form-layout.type';
import { formLayoutService } from '../services/catalog/form-layout.service';

@Resolver()
export class FormLayoutResolver {
  @Query(() => DocumentFormLayoutType, { nullable: true, description: 'How to render the form of a document type. Needs INVENTORY_VIEW.' })
  documentFormLayout(@Ctx() ctx: RequestContext, @Arg('type', () => DocumentType) type: DocumentType) {
    return formLayoutService.get(ctx, type);
  }

  @Mutation(() => DocumentFormLayoutType, { nullable: true, description: 'Needs FORM_EDIT. List every field of the type once.' })
  setDocumentFormLayout(@Ctx() ctx: RequestContext, @Arg('type', () => DocumentType) type: DocumentType,
                        @Arg('fields', () => [DocumentFormFieldInput]) fields: DocumentFormFieldInput[]) {
    return formLayoutService.set(ctx, type, fields);
  }

  @Mutation(() => DocumentFormLayoutType, { nullable: true, description: 'Needs FORM_EDIT. Back to the default layout.' })
  resetDocumentFormLayout(@Ctx() ctx: RequestContext, @Arg('type', () => DocumentType) type: DocumentType) {
    return formLayoutService.set(ctx, type, null);
  }
}
