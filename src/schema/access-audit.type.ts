import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AuditSubject } from '../services/access/access-admin.service';
import { Connection, DateTimeRange, ORDER_DIRECTION, ORDER_FIELD, OrderDirection } from './connection';
import { NODE_ID, NodeInterface } from './node.type';

registerEnumType(AuditSubject, { name: 'AuditSubject' });

/** `actor` is a field resolver (resolvers/access-audit.resolver.ts). */
@ObjectType('AccessAuditEntry', { implements: NodeInterface, description: 'One access change: who, when, what, and the state before and after (docs/access-admin.md).' })
export class AccessAuditEntryType {
  @Field(() => ID, { description: NODE_ID }) id: number;
  @Field(() => Date, { description: 'When the change was made.' }) at: Date;
  @Field({ description: 'What was done, e.g. ROLE_CREATED, ROLE_GRANTS_SET, ROLE_ASSIGNED, USER_DEACTIVATED, SETTINGS_UPDATE.' }) action: string;
  @Field({ description: 'What kind of object changed: ROLE, USER, APPLICATION, SETTINGS …' }) subjectType: string;
  @Field(() => ID, { description: 'The id of the object that changed, as the API shows it elsewhere (its kind is subjectType).' }) subjectId: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The object\'s state before the change, ids opaque; null when the change created it.' })
  before: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Its state after the change, ids opaque; null when the change deleted it.' }) after: unknown;
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
  @Field(() => AccessAuditOrderField, { defaultValue: AccessAuditOrderField.AT, description: ORDER_FIELD }) field: AccessAuditOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: ORDER_DIRECTION }) direction: OrderDirection;
}

@InputType({ description: 'Conditions a listed audit entry meets, all of them.' })
export class AccessAuditFilter {
  @Field(() => ID, { nullable: true, description: 'Who made the change.' }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'The kind of target: ROLE, USER, APPLICATION, SETTINGS …' }) subjectType?: string | null;
  @Field(() => ID, { nullable: true, description: 'The target\'s id (with subjectType).' }) subjectId?: string | null;
  @Field(() => DateTimeRange, { nullable: true, description: 'Made in this range.' }) at?: DateTimeRange | null;
}
