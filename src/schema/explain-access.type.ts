import { Field, ID, ObjectType } from 'type-graphql';
import { DocumentAction, DocumentType, Permission, ReportKind } from './enums';
import { RoleAssignmentType } from './role.type';
import { UserType } from './user.type';

@ObjectType('AssignmentVerdict', { description: 'Whether one of the user\'s role assignments grants a requirement, and why (not).' })
export class AssignmentVerdictType {
  @Field(() => RoleAssignmentType, { description: 'The assignment judged: the user\'s role, with its narrowing.' }) assignment: RoleAssignmentType;
  @Field({ description: 'Whether this assignment, with its narrowing, grants the requirement.' }) grants: boolean;
  @Field({ description: 'Why, in words, e.g. "Warehouse clerk grants WAREHOUSE_SELECT on A, narrowed by this assignment to B".' }) reason: string;
}

@ObjectType('AccessRequirement', { description: 'One thing the asked access needs, e.g. WAREHOUSE_SELECT on one warehouse, or DOCUMENT PROCESS on SALES_ORDER.' })
export class AccessRequirementType {
  @Field(() => Permission, { description: 'The permission needed.' }) permission: Permission;
  @Field(() => ID, { nullable: true, description: 'WAREHOUSE_SELECT: on this warehouse; null for other permissions.' }) warehouseId: number | null;
  @Field(() => ReportKind, { nullable: true, description: 'REPORT_VIEW: for this kind; null for other permissions or any kind.' }) reportKind: ReportKind | null;
  @Field(() => DocumentType, { nullable: true, description: 'DOCUMENT: on this type; null for other permissions.' }) documentType: DocumentType | null;
  @Field(() => DocumentAction, { nullable: true, description: 'DOCUMENT: this action on documentType; null for other permissions.' })
  action: DocumentAction | null;
  @Field({ description: 'The requirement in one phrase, e.g. "REPORT_VIEW on SALES reports", "DOCUMENT PROCESS on SALES_ORDER".' }) description: string;
  @Field({ description: 'Whether the user holds it (through some assignment, and the application when one was asked about).' }) granted: boolean;
  @Field(() => [AssignmentVerdictType], { description: 'For each of the user\'s role assignments, whether and why it grants the requirement.' })
  verdicts: AssignmentVerdictType[];
}

@ObjectType('AccessExplanation', { description: 'Why a user has (or lacks) some access: per requirement, which assignments grant it.' })
export class AccessExplanationType {
  @Field(() => UserType, { description: 'The user asked about.' }) user: UserType;
  @Field({ description: 'Whether the user has the whole access asked about: what the API enforces.' }) granted: boolean;
  @Field({ description: 'The answer in one sentence, for a screen or a support ticket.' }) summary: string;
  @Field(() => [AccessRequirementType], { description: 'What the asked access consists of, each with its verdict.' }) requirements: AccessRequirementType[];
}
