/** A set of warehouses, or all of them (including ones created later). */
export class WarehouseScope {
  private constructor(readonly all: boolean, readonly ids: ReadonlySet<number>) {}

  static readonly ALL = new WarehouseScope(true, new Set());
  static readonly NONE = new WarehouseScope(false, new Set());
  static of(ids: Iterable<number>): WarehouseScope {
    return new WarehouseScope(false, new Set(ids));
  }

  has(id: number | null | undefined): boolean {
    return id !== null && id !== undefined && (this.all || this.ids.has(id));
  }

  get isEmpty(): boolean {
    return !this.all && this.ids.size === 0;
  }

  union(other: WarehouseScope): WarehouseScope {
    if (this.all || other.all) return WarehouseScope.ALL;
    return WarehouseScope.of([...this.ids, ...other.ids]);
  }

  intersect(other: WarehouseScope): WarehouseScope {
    if (this.all) return other;
    if (other.all) return this;
    return WarehouseScope.of([...this.ids].filter((id) => other.ids.has(id)));
  }

  /** Sorted ids for SQL `IN (…)` and stable output. */
  list(): number[] {
    return [...this.ids].sort((a, b) => a - b);
  }
}
