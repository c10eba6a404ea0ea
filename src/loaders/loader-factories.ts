import DataLoader from 'dataloader';

/** Loads rows by key in one statement per tick; keys without a row resolve to null. */
export function byIdLoader<T extends { id: number }>(fetch: (ids: number[]) => Promise<T[]>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await fetch([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Groups rows under a key, in one statement per tick. */
export function groupLoader<T>(fetch: (keys: number[]) => Promise<T[]>, keyOf: (row: T) => number) {
  return new DataLoader<number, T[]>(async (keys) => {
    const rows = await fetch([...keys]);
    const groups = new Map<number, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
