/**
 * What a rule asks of the viewer, as data beside the rule (issue 18 §5). The schema states it —
 * a sentence ending the description of every gated field, argument, input field and enum value,
 * and a `@requires` directive — generated from the rule tree (requirement-docs.ts), so the
 * documentation cannot drift from what the shield enforces.
 */

/** One permission a rule asks for. */
export interface Need {
  /**
   * Machine-readable, as a FORBIDDEN error's `extensions.permission` names it: `CATALOG_VIEW`,
   * `REPORT_VIEW` (any report kind), `REPORT_VIEW:SALES`, `DOCUMENT:SALES_ORDER:VIEW`. A part in
   * angle brackets is taken from the request or the object rather than fixed —
   * `DOCUMENT:<input.type>:EDIT`, `WAREHOUSE_SELECT:<warehouseId>` — and `SELF` is the viewer being
   * the user the object is.
   */
  token: string;
  /** The same in words, for the description: "DOCUMENT EDIT on the type in input.type". */
  text: string;
}

/**
 * Every need of `allOf`, and one of `anyOf` when it has any; empty: a signed-in viewer, no
 * permission. A combination this form cannot state (e.g. (A and B) or C) is not documented:
 * `combineAll`/`combineAny` answer undefined and the schema-docs test names the coordinate.
 */
export interface Requirement {
  readonly allOf: readonly Need[];
  readonly anyOf: readonly Need[];
  /** The rule asks only when this holds, in words: "the file sets purchase prices". */
  readonly when?: string;
  /** What giving one of the field's arguments adds, by argument name (a rule that reads it when given). */
  readonly args?: Readonly<Record<string, Requirement>>;
  /** What each value of an enum input needs, by value (a rule that reads which value was given). */
  readonly values?: Readonly<Record<string, Requirement>>;
}

/** A signed-in viewer; no permission. */
export const SIGNED_IN: Requirement = { allOf: [], anyOf: [] };

export const need = (token: string, text: string = token): Need => ({ token, text });

/** All of these permissions. */
export const needsAll = (...needs: Need[]): Requirement => ({ allOf: needs, anyOf: [] });

const isPlain = (r: Requirement) => r.when === undefined && r.args === undefined && r.values === undefined;
const union = (a: readonly Need[], b: readonly Need[]) => [...a, ...b.filter((n) => !a.some((m) => m.token === n.token))];

function mergeMaps(a: Readonly<Record<string, Requirement>> | undefined, b: Readonly<Record<string, Requirement>> | undefined) {
  if (!a || !b) return { ok: true, map: a ?? b };
  const map: Record<string, Requirement> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const merged = map[key] ? combineAll([map[key], value]) : value;
    if (!merged) return { ok: false, map: undefined };
    map[key] = merged;
  }
  return { ok: true, map };
}

/** What `and`/`chain` of rules ask: everything each asks. */
export function combineAll(parts: ReadonlyArray<Requirement | undefined>): Requirement | undefined {
  let result: Requirement = SIGNED_IN;
  for (const part of parts) {
    if (!part) return undefined;
    if (result.anyOf.length > 0 && part.anyOf.length > 0) return undefined;
    if (result.when !== undefined && part.when !== undefined) return undefined;
    // A condition qualifies the whole requirement: it combines only with a requirement of nothing.
    if ((result.when !== undefined && (part.allOf.length > 0 || part.anyOf.length > 0))
      || (part.when !== undefined && (result.allOf.length > 0 || result.anyOf.length > 0))) return undefined;
    const args = mergeMaps(result.args, part.args);
    const values = mergeMaps(result.values, part.values);
    if (!args.ok || !values.ok) return undefined;
    result = {
      allOf: union(result.allOf, part.allOf),
      anyOf: result.anyOf.length > 0 ? result.anyOf : part.anyOf,
      ...(result.when ?? part.when) !== undefined ? { when: result.when ?? part.when } : {},
      ...args.map ? { args: args.map } : {},
      ...values.map ? { values: values.map } : {},
    };
  }
  return result;
}

/** What `or` of rules asks: one of the alternatives, each a single permission (or a choice of them). */
export function combineAny(parts: ReadonlyArray<Requirement | undefined>): Requirement | undefined {
  const alternatives: Need[] = [];
  for (const part of parts) {
    if (!part || !isPlain(part)) return undefined;
    if (part.allOf.length === 0 && part.anyOf.length === 0) return SIGNED_IN; // this alternative asks nothing
    if (part.allOf.length === 1 && part.anyOf.length === 0) alternatives.push(part.allOf[0]);
    else if (part.allOf.length === 0) alternatives.push(...part.anyOf);
    else return undefined;
  }
  return { allOf: [], anyOf: union([], alternatives) };
}
