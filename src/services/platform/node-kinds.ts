import { IdKind } from './opaque-ids';

const KINDS = new WeakMap<object, IdKind>();

/**
 * The kind of object `node(id:)` / `nodes(ids:)` found, remembered beside it: the `Node` interface
 * resolves its GraphQL type from it, and the row guard of Node fields checks it (src/shield).
 */
export function tagNode<T extends object>(value: T, kind: IdKind): T {
  KINDS.set(value, kind);
  return value;
}

export const nodeKindOf = (value: unknown): IdKind | undefined =>
  (value !== null && typeof value === 'object' ? KINDS.get(value) : undefined);
