import { ArgsType, ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { configuredMaxPageSize } from '../config';

@ObjectType({ description: 'Where a page sits in its list: the cursors of its first and last rows, and whether more rows precede or follow.' })
export class PageInfo {
  @Field({ description: 'Paging forward: more rows follow. Paging backward (last/before): true when before was given.' }) hasNextPage: boolean;
  @Field({ description: 'Paging backward: more rows precede. Paging forward (first/after): true when after was given.' }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first row of the page: pass it as before to page back.' }) startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last row of the page: pass it as after to page on.' }) endCursor: string | null;
}

/** Largest `first` or `last` of every connection: LIMIT_PAGE_SIZE, default 200 (docs/operations.md). */
export const MAX_PAGE_SIZE = configuredMaxPageSize();
/** The page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * Relay paging (issue 18 §1): `first`/`after` forward, `last`/`before` backward; cursors are
 * opaque and stay valid while rows are inserted. Neither first nor last: the first 50.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size forward, 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given.` })
  first?: number | null;
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page (with first).' }) after?: string | null;
  @Field(() => Int, { nullable: true, description: `Page size backward: the last rows before \`before\` (or of all), 1 to ${MAX_PAGE_SIZE}.` })
  last?: number | null;
  @Field(() => String, { nullable: true, description: 'startCursor of the next page (with last).' }) before?: string | null;
}

/** The two fields of every `orderBy` input (issue 18 §1). */
export const ORDER_FIELD = 'The value rows are sorted by; rows with an equal value follow their ids, in the same direction.';
export const ORDER_DIRECTION = 'ASC (the default): smallest, oldest or first in the alphabet first; DESC: the reverse.';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction; rows of an equal sort value keep the order of their ids, in the same direction.',
  valuesConfig: { ASC: { description: 'Smallest (oldest, first in the alphabet) first.' }, DESC: { description: 'Largest (newest) first.' } },
});

@InputType({ description: 'A range of moments: from inclusive, to exclusive; either may be omitted.' })
export class DateTimeRange {
  @Field(() => Date, { nullable: true, description: 'From this instant on (inclusive); omitted: no lower bound.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Before this instant (exclusive); omitted: no upper bound.' }) to?: Date | null;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  /** Called by GraphQL's default resolver only when the field is selected. */
  totalCount: () => Promise<number>;
}

/** A cursor connection type `<Name>Connection` with `<Name>Edge`, for any node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this row in the list\'s order: pass it as after or before to page on from here.' }) cursor: string;
    @Field(() => node, { description: 'The row itself.' }) node: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of a list of ${name} objects in the order asked for, with its paging information (a Relay cursor connection).`,
  })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The rows of the page with their cursors, for clients that page by edges (Apollo\'s relayStylePagination).' })
    edges: Edge[];
    @Field(() => [node], { description: 'The rows of the page, without cursors.' }) nodes: T[];
    @Field(() => PageInfo, { description: 'The cursors of the page\'s first and last rows, and whether more rows precede or follow.' }) pageInfo: PageInfo;
    // `simple`: GraphQL's default resolver, which calls a function-valued property (lazy COUNT).
    @Field(() => Int, { simple: true, description: 'All matching items visible to the viewer.' }) totalCount: () => Promise<number>;
  }
  return ConnectionType;
}
