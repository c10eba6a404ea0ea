import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { configuredMaxPageSize } from '../config';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** Largest `first` of every connection: LIMIT_PAGE_SIZE, default 200 (docs/operations.md). */
export const MAX_PAGE_SIZE = configuredMaxPageSize();

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` }) first: number;
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string | null;
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
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => [node]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    // `simple`: GraphQL's default resolver, which calls a function-valued property (lazy COUNT).
    @Field(() => Int, { simple: true, description: 'All matching items visible to the viewer.' }) totalCount: () => Promise<number>;
  }
  return ConnectionType;
}
