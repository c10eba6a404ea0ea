import { Field, ID, ObjectType } from 'type-graphql';
import { DocumentAction, DocumentType, Permission, ReportKind } from './enums';
import { RoleAssignmentType } from './role.type';
import { UserType } from './user.type';

@ObjectType('AssignmentVerdict', { description: 'Whether one of the user\'s role assignments grants a requirement, and why (not).' })
export class AssignmentVerdictType {
  @Field(() => RoleAssignmentType) assignment: RoleAssignmentType;
  @Field() grants: boolean;
  @Field() reason: string;
}

@ObjectType('AccessRequirement', { description: 'One thing the asked access needs, e.g. WAREHOUSE_SELECT on warehouse 2.' })
export class AccessRequirementType {
  @Field(() => Permission) permission: Permission;
  @Field(() => ID, { nullable: true }) warehouseId: number | null;
  @Field(() => ReportKind, { nullable: true }) reportKind: ReportKind | null;
  @Field(() => DocumentType, { nullable: true }) documentType: DocumentType | null;
  @Field(() => DocumentAction, { nullable: true }) action: DocumentAction | null;
  @Field() description: string;
  @Field() granted: boolean;
  @Field(() => [AssignmentVerdictType]) verdicts: AssignmentVerdictType[];
}

@ObjectType('AccessExplanation', { description: 'Why a user has (or lacks) some access: per requirement, which assignments grant it.' })
export class AccessExplanationType {
  @Field(() => UserType) user: UserType;
  @Field() granted: boolean;
  @Field() summary: string;
  @Field(() => [AccessRequirementType]) requirements: AccessRequirementType[];
}
