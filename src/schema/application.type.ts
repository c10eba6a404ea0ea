import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ApplicationStatus } from '../entities/application.entity';
import { DocumentActionInfoType } from './permission-info.type';
import { DocumentType, Permission, ReportKind, ScopeKind } from './enums';
import { GrantInput } from './role.type';
import { NODE_ID, NodeInterface } from './node.type';

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'Where an application stands: only an INSTALLED application\'s tokens are accepted.',
  valuesConfig: {
    REQUESTED: { description: 'Registered and waiting for an admin to install it; its tokens are refused.' },
    INSTALLED: { description: 'Approved: its tokens work, with the user\'s access intersected with approvedPermissions.' },
    REVOKED: { description: 'Refused before installation or withdrawn after it; its tokens are refused from the next request on.' },
  },
});

/** Users, warehouses and permissions are field resolvers (resolvers/application.resolver.ts). */
@ObjectType('Application', { implements: NodeInterface, description: 'An integration acting on users\' behalf (DESIGN §2): its access is the user\'s ∩ its approved permissions.' })
export class ApplicationType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field({ description: 'The `azp` / `client_id` claim its tokens carry.' }) clientId: string;
  @Field({ description: 'Shown to the admin who decides on it.' }) name: string;
  @Field({ description: 'What it does, as registered (empty when none was given).' }) description: string;
  @Field({ description: 'Who makes it, as registered (empty when none was given).' }) vendor: string;
  @Field(() => String, { nullable: true, description: 'Where its vendor receives redirects or callbacks; null when none was registered.' })
  callbackUrl: string | null;
  @Field(() => ApplicationStatus, { description: 'Requested, installed or revoked: whether its tokens are accepted now.' }) status: ApplicationStatus;
  @Field(() => Date, { nullable: true, description: 'When an admin installed it; null until then.' }) installedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was refused or revoked; null unless REVOKED.' }) revokedAt: Date | null;
  @Field(() => Date, { description: 'When it was registered.' }) createdAt: Date;
}

@ObjectType('ApplicationPermission', { description: 'One permission an application requests or holds, with the catalog\'s description and its scope.' })
export class ApplicationPermissionType {
  @Field(() => Permission, { description: 'Which permission of the catalog (permissionCatalog).' }) permission: Permission;
  @Field({ description: 'The permission catalog\'s description.' }) description: string;
  @Field(() => ScopeKind, { description: 'What the permission is scoped by, so which of the scope fields below apply.' }) scopeKind: ScopeKind;
  @Field({ description: 'WAREHOUSE_SELECT on all warehouses, including ones created later.' }) allWarehouses: boolean;
  @Field(() => [ID], { nullable: true, description: 'WAREHOUSE_SELECT on these warehouses only.' }) warehouseIds: number[] | null;
  @Field({ description: 'REPORT_VIEW on all report kinds.' }) allReportKinds: boolean;
  @Field(() => [ReportKind], { nullable: true, description: 'REPORT_VIEW on these kinds only.' }) reportKinds: ReportKind[] | null;
  @Field(() => DocumentType, { nullable: true, description: 'DOCUMENT: the document type the actions apply to; null for other permissions.' })
  documentType: DocumentType | null;
  @Field(() => [DocumentActionInfoType], { description: 'DOCUMENT: the actions on documentType, each with its description.' })
  actions: DocumentActionInfoType[];
}

@ObjectType('ViewerApplication', { description: 'The application a request comes through; the viewer\'s permissions are already intersected with its own.' })
export class ViewerApplicationType {
  @Field(() => ID, { description: 'The application\'s global id (Application.id).' }) id: number;
  @Field({ description: 'The client id the token names (its azp or client_id claim).' }) clientId: string;
  @Field({ description: 'Its name, as registered.' }) name: string;
  @Field({ description: 'Who makes it, as registered.' }) vendor: string;
}

@InputType('RegisterApplicationInput', { description: 'An application asking for access: it stays REQUESTED, its tokens refused, until an admin installs it.' })
export class RegisterApplicationInput {
  @Field({ description: 'Shown to the admin who decides on it.' }) name: string;
  @Field(() => String, { nullable: true, description: 'What it does, for the admin deciding (default: empty).' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'Who makes it (default: empty).' }) vendor?: string | null;
  @Field(() => String, { nullable: true, description: 'Redirect or callback URL (https; http only for localhost).' }) callbackUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'The client id its tokens will carry; generated (app_…) when omitted.' }) clientId?: string | null;
  @Field(() => [GrantInput], { description: 'What it asks for: the permission catalog with the same scopes as roles.' })
  requestedPermissions: GrantInput[];
}
