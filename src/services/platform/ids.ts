/** GraphQL IDs are decimal strings of integer keys; anything else names nothing. */
export function parseId(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (!/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}
