import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { SystemRole } from '../entities/role.entity';
import { DocumentAction, DocumentType, Permission, ReportKind } from './enums';
import { NodeInterface } from './node.type';

registerEnumType(SystemRole, { name: 'SystemRole', description: 'The standard roles seeded on first start (DESIGN §2).' });

/** Members, grants and warehouses are field resolvers (resolvers/role.resolver.ts), batched by loaders. */
@ObjectType('Role', { implements: NodeInterface })
export class RoleType {
  @Field(() => ID) id: number;
  @Field() name: string;
  @Field() description: string;
  @Field(() => SystemRole, { nullable: true, description: 'Set on standard roles; null on custom ones.' }) systemKey: SystemRole | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
}

@ObjectType('Grant', { description: 'One permission a role holds, with its scope (see permissionCatalog).' })
export class GrantType {
  @Field(() => Permission) permission: Permission;
  @Field({ description: 'WAREHOUSE_SELECT on all warehouses, including ones created later.' }) allWarehouses: boolean;
  @Field(() => [ID], { nullable: true, description: 'WAREHOUSE_SELECT on these warehouses only; null when not scoped by warehouse list.' })
  warehouseIds: number[] | null;
  @Field({ description: 'REPORT_VIEW on all report kinds.' }) allReportKinds: boolean;
  @Field(() => [ReportKind], { nullable: true, description: 'REPORT_VIEW on these kinds only.' }) reportKinds: ReportKind[] | null;
  @Field(() => DocumentType, { nullable: true }) documentType: DocumentType | null;
  @Field(() => [DocumentAction], { description: 'DOCUMENT: the actions on documentType.' }) actions: DocumentAction[];
}

@ObjectType('RoleAssignment', { implements: NodeInterface, description: 'A user holds a role; warehouseIds narrows the role\'s WAREHOUSE_SELECT for this user.' })
export class RoleAssignmentType {
  @Field(() => ID) id: number;
  @Field(() => [ID], { name: 'warehouseIds', nullable: true, description: 'null: the role\'s own warehouse scope.' })
  warehouseScope: number[] | null;
  @Field(() => Date) createdAt: Date;
}

@InputType('GrantInput', { description: 'A grant: scopes omitted or null mean ALL; a scope on a permission that takes none is BAD_USER_INPUT.' })
export class GrantInput {
  @Field(() => Permission) permission: Permission;
  @Field(() => [ID], { nullable: true, description: 'WAREHOUSE_SELECT only: these warehouses; omit for ALL.' }) warehouseIds?: string[] | null;
  @Field(() => [ReportKind], { nullable: true, description: 'REPORT_VIEW only: these kinds; omit for ALL.' }) reportKinds?: ReportKind[] | null;
  @Field(() => DocumentType, { nullable: true, description: 'DOCUMENT only.' }) documentType?: DocumentType | null;
  @Field(() => [DocumentAction], { nullable: true, description: 'DOCUMENT only: actions on documentType.' }) actions?: DocumentAction[] | null;
}

@InputType('CreateRoleInput')
export class CreateRoleInput {
  @Field() name: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [GrantInput], { nullable: true }) grants?: GrantInput[] | null;
}

@InputType('UpdateRoleInput', { description: 'Rename or describe; omitted fields keep their value.' })
export class UpdateRoleInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}
