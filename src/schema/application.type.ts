import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ApplicationStatus } from '../entities/application.entity';
import { DocumentActionInfoType } from './permission-info.type';
import { DocumentType, Permission, ReportKind, ScopeKind } from './enums';
import { GrantInput } from './role.type';
import { NodeInterface } from './node.type';

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'REQUESTED: waiting for an admin; INSTALLED: its tokens work; REVOKED: refused or withdrawn.',
});

/** Users, warehouses and permissions are field resolvers (resolvers/application.resolver.ts). */
@ObjectType('Application', { implements: NodeInterface, description: 'An integration acting on users\' behalf (DESIGN §2): its access is the user\'s ∩ its approved permissions.' })
export class ApplicationType {
  @Field(() => ID) id: number;
  @Field({ description: 'The `azp` / `client_id` claim its tokens carry.' }) clientId: string;
  @Field() name: string;
  @Field() description: string;
  @Field() vendor: string;
  @Field(() => String, { nullable: true }) callbackUrl: string | null;
  @Field(() => ApplicationStatus) status: ApplicationStatus;
  @Field(() => Date, { nullable: true }) installedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('ApplicationPermission', { description: 'One permission an application requests or holds, with the catalog\'s description and its scope.' })
export class ApplicationPermissionType {
  @Field(() => Permission) permission: Permission;
  @Field({ description: 'The permission catalog\'s description.' }) description: string;
  @Field(() => ScopeKind) scopeKind: ScopeKind;
  @Field({ description: 'WAREHOUSE_SELECT on all warehouses, including ones created later.' }) allWarehouses: boolean;
  @Field(() => [ID], { nullable: true, description: 'WAREHOUSE_SELECT on these warehouses only.' }) warehouseIds: number[] | null;
  @Field({ description: 'REPORT_VIEW on all report kinds.' }) allReportKinds: boolean;
  @Field(() => [ReportKind], { nullable: true, description: 'REPORT_VIEW on these kinds only.' }) reportKinds: ReportKind[] | null;
  @Field(() => DocumentType, { nullable: true }) documentType: DocumentType | null;
  @Field(() => [DocumentActionInfoType], { description: 'DOCUMENT: the actions on documentType, each with its description.' })
  actions: DocumentActionInfoType[];
}

@ObjectType('ViewerApplication', { description: 'The application a request comes through; the viewer\'s permissions are already intersected with its own.' })
export class ViewerApplicationType {
  @Field(() => ID) id: number;
  @Field() clientId: string;
  @Field() name: string;
  @Field() vendor: string;
}

@InputType('RegisterApplicationInput')
export class RegisterApplicationInput {
  @Field() name: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) vendor?: string | null;
  @Field(() => String, { nullable: true, description: 'Redirect or callback URL (https; http only for localhost).' }) callbackUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'The client id its tokens will carry; generated (app_…) when omitted.' }) clientId?: string | null;
  @Field(() => [GrantInput], { description: 'What it asks for: the permission catalog with the same scopes as roles.' })
  requestedPermissions: GrantInput[];
}
