import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { SystemRole } from '../entities/role.entity';
import { DocumentAction, DocumentType, Permission, ReportKind } from './enums';
import { NODE_ID, NodeInterface } from './node.type';

registerEnumType(SystemRole, {
  name: 'SystemRole',
  description: 'The standard roles seeded on first start (DESIGN §2); resetStandardRole gives one its standard grants back.',
  valuesConfig: {
    ADMINISTRATOR: { description: 'Every permission in every warehouse; it can be neither edited nor deleted.' },
    STORE_STAFF: { description: 'Catalog, inventory area, chosen warehouses, reserving, sale prices, and sales orders: view, edit, process.' },
    WAREHOUSE_CLERK: { description: 'Catalog, inventory area, chosen warehouses, and receipts, adjustments, transfers, write-offs: view, edit, process.' },
  },
});

/** Members, grants and warehouses are field resolvers (resolvers/role.resolver.ts), batched by loaders. */
@ObjectType('Role', {
  implements: NodeInterface,
  description: 'A named set of permissions with their scopes, held by users through assignments (DESIGN §2).',
})
export class RoleType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field({ description: 'Unique among roles, case-insensitively, e.g. "Warehouse clerk".' }) name: string;
  @Field({ description: 'What the role is for, in words (may be empty).' }) description: string;
  @Field(() => SystemRole, { nullable: true, description: 'Set on standard roles; null on custom ones.' }) systemKey: SystemRole | null;
  @Field(() => Date, { description: 'When it was created.' }) createdAt: Date;
  @Field(() => Date, { description: 'When it was last saved.' }) updatedAt: Date;
}

@ObjectType('Grant', { description: 'One permission a role holds, with its scope (see permissionCatalog).' })
export class GrantType {
  @Field(() => Permission, { description: 'The permission granted.' }) permission: Permission;
  @Field({ description: 'WAREHOUSE_SELECT on all warehouses, including ones created later.' }) allWarehouses: boolean;
  @Field(() => [ID], { nullable: true, description: 'WAREHOUSE_SELECT on these warehouses only; null when not scoped by warehouse list.' })
  warehouseIds: number[] | null;
  @Field({ description: 'REPORT_VIEW on all report kinds.' }) allReportKinds: boolean;
  @Field(() => [ReportKind], { nullable: true, description: 'REPORT_VIEW on these kinds only.' }) reportKinds: ReportKind[] | null;
  @Field(() => DocumentType, { nullable: true, description: 'DOCUMENT: the document type of the actions; null for other permissions.' }) documentType: DocumentType | null;
  @Field(() => [DocumentAction], { description: 'DOCUMENT: the actions on documentType.' }) actions: DocumentAction[];
}

@ObjectType('RoleAssignment', { implements: NodeInterface, description: 'A user holds a role; warehouseIds narrows the role\'s WAREHOUSE_SELECT for this user.' })
export class RoleAssignmentType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field(() => [ID], { name: 'warehouseIds', nullable: true, description: 'null: the role\'s own warehouse scope.' })
  warehouseScope: number[] | null;
  @Field(() => Date, { description: 'When the role was assigned.' }) createdAt: Date;
}

@InputType('GrantInput', { description: 'A grant: scopes omitted or null mean ALL; a scope on a permission that takes none is BAD_USER_INPUT.' })
export class GrantInput {
  @Field(() => Permission, { description: 'The permission to grant.' }) permission: Permission;
  @Field(() => [ID], { nullable: true, description: 'WAREHOUSE_SELECT only: these warehouses; omit for ALL.' }) warehouseIds?: string[] | null;
  @Field(() => [ReportKind], { nullable: true, description: 'REPORT_VIEW only: these kinds; omit for ALL.' }) reportKinds?: ReportKind[] | null;
  @Field(() => DocumentType, { nullable: true, description: 'DOCUMENT only: the document type the actions apply to.' }) documentType?: DocumentType | null;
  @Field(() => [DocumentAction], { nullable: true, description: 'DOCUMENT only: actions on documentType.' }) actions?: DocumentAction[] | null;
}

@InputType('CreateRoleInput', { description: 'A custom role: a name, what it is for, and optionally its grants.' })
export class CreateRoleInput {
  @Field({ description: 'Unique among roles, case-insensitively; 1–128 characters.' }) name: string;
  @Field(() => String, { nullable: true, description: 'What the role is for (default: empty).' }) description?: string | null;
  @Field(() => [GrantInput], { nullable: true, description: 'Its grants (default: none); only what you hold yourself can be granted.' })
  grants?: GrantInput[] | null;
}

@InputType('UpdateRoleInput', { description: 'Rename or describe; omitted fields keep their value.' })
export class UpdateRoleInput {
  @Field(() => String, { nullable: true, description: 'A new name, unique among roles case-insensitively.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'A new description; null keeps the old one.' }) description?: string | null;
}
