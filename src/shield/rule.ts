import type { and } from 'graphql-shield';
import { Access } from './access';

export interface Denial {
  code: 'FORBIDDEN' | 'UNAUTHENTICATED';
  message: string;
  /** The permission the viewer lacks, named in the error (DESIGN §3.5). */
  permission?: string;
  /** The input path a denial of an input value names, e.g. `input.items[0].purchasePrice` (DESIGN §3.9). */
  field?: string;
}

/** A check is a pure function of the per-request access object, the parent and the arguments: no I/O. */
export type Check = (access: Access, parent: any, args: any) => Denial | null;

/** A graphql-shield rule (`rule`, `and`, `or`, `not`, `chain`, `allow`, `deny`). */
export type ShieldRule = Parameters<typeof and>[0];

/**
 * Per type, per field: the graphql-shield rule. A field missing here gets the shield's
 * fallbackRule, `deny` (fail-closed, DESIGN §3.7).
 */
export type RuleTree = Record<string, Record<string, ShieldRule>>;

/**
 * Per input coordinate — `Type.field` of an input object type, `Type.field(arg)` of an argument —
 * the rule a value given there must pass (DESIGN §3.9): `allow`, or a rule of src/shield/rules.ts
 * whose check receives the value as its arguments. A coordinate missing here is denied.
 */
export type InputRuleTree = Record<string, ShieldRule>;

/**
 * Row guards of located types: an object of the type reaching the viewer must pass,
 * else it is dropped from lists and nulled as a single value — the GraphQL-layer
 * second check behind the SQL filter (DESIGN §3.1, defense in depth).
 */
export type Guard = (access: Access, item: any) => boolean;
export type GuardMap = Record<string, Guard>;

/**
 * What a rule denied with, as graphql-shield carries it: a rule answers an Error to deny with a
 * message. No stack is captured (a list can deny hundreds of times per response); the shield
 * turns it into at most one GraphQL error per coordinate (denial-report.ts).
 */
export class ShieldDenial extends Error {
  constructor(readonly denial: Denial) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(denial.message);
    Error.stackTraceLimit = limit;
  }
}
