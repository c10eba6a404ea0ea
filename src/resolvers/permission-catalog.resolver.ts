import { Query, Resolver } from 'type-graphql';
import { PermissionInfoType } from '../schema/permission-info.type';
import { DOCUMENT_ACTION_DESCRIPTIONS, DocumentAction, DocumentType, Permission, PERMISSION_CATALOG } from '../shield/permission-catalog';

@Resolver()
export class PermissionCatalogResolver {
  @Query(() => [PermissionInfoType], { nullable: true, description: 'Every permission with its description and scope kind.' })
  permissionCatalog(): PermissionInfoType[] {
    return PERMISSION_CATALOG.map((info) => {
      const isDocument = info.permission === Permission.DOCUMENT;
      return {
        ...info,
        documentTypes: isDocument ? Object.values(DocumentType) : [],
        documentActions: isDocument
          ? Object.values(DocumentAction).map((action) => ({ action, description: DOCUMENT_ACTION_DESCRIPTIONS[action] }))
          : [],
      };
    });
  }
}
