import { Field, ObjectType } from 'type-graphql';
import { DocumentAction, DocumentType, Permission, ScopeKind } from './enums';

@ObjectType('DocumentActionInfo')
export class DocumentActionInfoType {
  @Field(() => DocumentAction) action: DocumentAction;
  @Field() description: string;
}

@ObjectType('PermissionInfo', { description: 'One entry of the permission catalog (DESIGN §2).' })
export class PermissionInfoType {
  @Field(() => Permission) permission: Permission;
  @Field(() => ScopeKind) scopeKind: ScopeKind;
  @Field() description: string;
  @Field(() => [DocumentType], { description: 'For DOCUMENT: the document types it can be granted on.' }) documentTypes: DocumentType[];
  @Field(() => [DocumentActionInfoType], { description: 'For DOCUMENT: the actions per type.' }) documentActions: DocumentActionInfoType[];
}
