import { Access } from './access';

export interface Denial {
  code: 'FORBIDDEN' | 'UNAUTHENTICATED';
  message: string;
  /** The permission the viewer lacks, named in the error (DESIGN §3.5). */
  permission?: string;
}

/** A check is a pure function of the per-request access object, the parent and the arguments: no I/O. */
export type Check = (access: Access, parent: any, args: any) => Denial | null;

export type FieldRule =
  | { kind: 'withParent' }
  | { kind: 'check'; name: string; check: Check };

/** Per type, per field: the rule. A field missing here is denied (fail-closed, DESIGN §3.7). */
export type RuleMap = Record<string, Record<string, FieldRule>>;

/**
 * Row guards of located types: an object of the type reaching the viewer must pass,
 * else it is dropped from lists and nulled as a single value — the GraphQL-layer
 * second check behind the SQL filter (DESIGN §3.1, defense in depth).
 */
export type Guard = (access: Access, item: any) => boolean;
export type GuardMap = Record<string, Guard>;
