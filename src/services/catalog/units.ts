/**
 * The units of measure a product may have (issue 19 §5, docs/catalog-and-warehouses.md): a fixed
 * code list, not a table, so every database and the schema agree without data. A unit counted in
 * whole things (`wholeNumbersOnly`) refuses fractional document line quantities.
 */
export interface Unit {
  code: string;
  name: string;
  wholeNumbersOnly: boolean;
}

export const UNITS: readonly Unit[] = [
  { code: 'pcs', name: 'pieces', wholeNumbersOnly: true },
  { code: 'kg', name: 'kilograms', wholeNumbersOnly: false },
  { code: 'g', name: 'grams', wholeNumbersOnly: false },
  { code: 'l', name: 'litres', wholeNumbersOnly: false },
  { code: 'ml', name: 'millilitres', wholeNumbersOnly: false },
  { code: 'm', name: 'metres', wholeNumbersOnly: false },
  { code: 'cm', name: 'centimetres', wholeNumbersOnly: false },
  { code: 'm2', name: 'square metres', wholeNumbersOnly: false },
  { code: 'm3', name: 'cubic metres', wholeNumbersOnly: false },
  { code: 'box', name: 'boxes', wholeNumbersOnly: true },
  { code: 'pack', name: 'packs', wholeNumbersOnly: true },
  { code: 'pair', name: 'pairs', wholeNumbersOnly: true },
  { code: 'set', name: 'sets', wholeNumbersOnly: true },
];

export const DEFAULT_UNIT = 'pcs';

const BY_CODE = new Map(UNITS.map((unit) => [unit.code, unit]));

export const unitOf = (code: string): Unit | undefined => BY_CODE.get(code);

/** Whether quantities in this unit must be whole; a stored code not in the list counts as pieces. */
export const wholeNumbersOnly = (code: string): boolean => (unitOf(code) ?? BY_CODE.get(DEFAULT_UNIT)!).wholeNumbersOnly;

/**
 * Free-text units written before the catalog existed, lower-cased and trimmed, mapped to a code
 * by the migration (1796156306310-unit-catalog); anything else becomes `pcs`.
 */
export const UNIT_SPELLINGS: Record<string, string> = {
  ...Object.fromEntries(UNITS.map((u) => [u.code, u.code])),
  pc: 'pcs', piece: 'pcs', pieces: 'pcs', шт: 'pcs', 'шт.': 'pcs', ea: 'pcs', each: 'pcs', unit: 'pcs', units: 'pcs',
  kilogram: 'kg', kilograms: 'kg', kgs: 'kg', кг: 'kg',
  gram: 'g', grams: 'g', gr: 'g', г: 'g', гр: 'g',
  litre: 'l', liter: 'l', litres: 'l', liters: 'l', ltr: 'l', л: 'l',
  millilitre: 'ml', milliliter: 'ml', мл: 'ml',
  metre: 'm', meter: 'm', metres: 'm', meters: 'm', м: 'm',
  centimetre: 'cm', centimeter: 'cm', см: 'cm',
  'm²': 'm2', sqm: 'm2', 'sq m': 'm2', 'м2': 'm2', 'м²': 'm2',
  'm³': 'm3', cbm: 'm3', 'м3': 'm3', 'м³': 'm3',
  boxes: 'box', кор: 'box', 'кор.': 'box',
  packs: 'pack', pkg: 'pack', package: 'pack', уп: 'pack', 'уп.': 'pack',
  pairs: 'pair', пар: 'pair', пара: 'pair',
  sets: 'set', компл: 'set', 'компл.': 'set',
};

/** The code a stored free-text unit becomes. */
export const unitCodeFor = (text: string): string => UNIT_SPELLINGS[text.trim().toLowerCase()] ?? DEFAULT_UNIT;
