import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AuditSubject } from '../services/access/access-admin.service';
import { Connection } from './connection';

registerEnumType(AuditSubject, { name: 'AuditSubject' });

/** `actor` is a field resolver (resolvers/access-audit.resolver.ts). */
@ObjectType('AccessAuditEntry', { description: 'One access change: who, when, what, and the state before and after (docs/access-admin.md).' })
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
