import { Field, ObjectType } from 'type-graphql';
import { DocumentAction, DocumentType, Permission, ReportKind } from './enums';
import { ViewerApplicationType } from './application.type';
import { UserType } from './user.type';
import { WarehouseType } from './warehouse.type';

@ObjectType('DocumentPermission', { description: 'The actions the viewer holds on documents of one type.' })
export class DocumentPermissionType {
  @Field(() => DocumentType, { description: 'The document type the actions are held on.' }) type: DocumentType;
  @Field(() => [DocumentAction], { description: 'The actions held on it, sorted; any action includes VIEW.' }) actions: DocumentAction[];
}

@ObjectType('Viewer', { description: 'Who is asking and what they may do (DESIGN §3.9): front-ends ask instead of guessing.' })
export class ViewerType {
  @Field(() => UserType, { description: 'The signed-in user the token names.' }) user: UserType;
  @Field(() => ViewerApplicationType, {
    nullable: true,
    description: 'The application the token names (azp/client_id); null for a direct request. Everything below is then already intersected with its approved permissions.',
  })
  application: ViewerApplicationType | null;
  @Field(() => [Permission], { description: 'Effective permissions: the union over the role assignments (∩ the application\'s, if any).' }) permissions: Permission[];
  @Field({ description: 'True when WAREHOUSE_SELECT covers all warehouses, including future ones.' }) allWarehouses: boolean;
  @Field(() => [WarehouseType], { description: 'The warehouses the viewer can select.' }) warehouses: WarehouseType[];
  @Field(() => [ReportKind], { description: 'The report sections the viewer may see (REPORT_VIEW).' }) reportKinds: ReportKind[];
  @Field(() => [DocumentPermissionType], { description: 'Per document type, the actions the viewer holds (DOCUMENT), by type.' })
  documentPermissions: DocumentPermissionType[];
}
