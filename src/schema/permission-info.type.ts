import { Field, ObjectType } from 'type-graphql';
import { DocumentAction, DocumentType, Permission, ScopeKind } from './enums';

@ObjectType('DocumentActionInfo', { description: 'One action of the DOCUMENT permission, with what it allows.' })
export class DocumentActionInfoType {
  @Field(() => DocumentAction, { description: 'The action, as grants and allowedActions name it.' }) action: DocumentAction;
  @Field({ description: 'What it allows on documents of the type, e.g. "Process drafts of this type (writes the stock ledger)."' }) description: string;
}

@ObjectType('PermissionInfo', { description: 'One entry of the permission catalog (DESIGN §2).' })
export class PermissionInfoType {
  @Field(() => Permission, { description: 'The permission a grant names.' }) permission: Permission;
  @Field(() => ScopeKind, { description: 'What a grant of it is scoped by, so what a role editor asks for beside it.' }) scopeKind: ScopeKind;
  @Field({ description: 'What it lets its holder do (DESIGN §2).' }) description: string;
  @Field(() => [DocumentType], { description: 'For DOCUMENT: the document types it can be granted on.' }) documentTypes: DocumentType[];
  @Field(() => [DocumentActionInfoType], { description: 'For DOCUMENT: the actions per type.' }) documentActions: DocumentActionInfoType[];
}
