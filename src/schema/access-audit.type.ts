import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AuditSubject } from '../services/access/access-admin.service';
import { Connection, DateTimeRange, OrderDirection } from './connection';
import { NodeInterface } from './node.type';

registerEnumType(AuditSubject, { name: 'AuditSubject' });

/** `actor` is a field resolver (resolvers/access-audit.resolver.ts). */
@ObjectType('AccessAuditEntry', { implements: NodeInterface, description: 'One access change: who, when, what, and the state before and after (docs/access-admin.md).' })
export class AccessAuditEntryType {
  @Field(() => ID) id: number;
  @Field(() => Date) at: Date;
  @Field({ description: 'e.g. ROLE_CREATED, ROLE_GRANTS_SET, ROLE_ASSIGNED, USER_DEACTIVATED.' }) action: string;
  @Field() subjectType: string;
  @Field(() => ID) subjectId: string;
  @Field(() => GraphQLJSON, { nullable: true }) before: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after: unknown;
}

export const AccessAuditEntryConnection = Connection(AccessAuditEntryType, 'AccessAuditEntry');

export enum AccessAuditOrderField {
  AT = 'AT',
}
registerEnumType(AccessAuditOrderField, {
  name: 'AccessAuditOrderField',
  description: 'What the audit log sorts by.',
  valuesConfig: { AT: { description: 'When the change was made.' } },
});

@InputType({ description: 'The order of the audit log; the id breaks ties. Default: oldest first (id ascending).' })
export class AccessAuditOrder {
  @Field(() => AccessAuditOrderField, { defaultValue: AccessAuditOrderField.AT }) field: AccessAuditOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection;
}

@InputType({ description: 'Conditions a listed audit entry meets, all of them.' })
export class AccessAuditFilter {
  @Field(() => ID, { nullable: true, description: 'Who made the change.' }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'The kind of target: ROLE, USER, APPLICATION, SETTINGS …' }) subjectType?: string | null;
  @Field(() => ID, { nullable: true, description: 'The target\'s id (with subjectType).' }) subjectId?: string | null;
  @Field(() => DateTimeRange, { nullable: true, description: 'Made in this range.' }) at?: DateTimeRange | null;
}
