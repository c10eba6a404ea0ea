import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema, getDirectiveValues, GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType,
  isScalarType, isSpecifiedScalarType,
} from 'graphql';
import { buildApiSchema, buildWrittenSchema } from '../../src/schema/build-schema';
import { GUARDS, RULES } from '../../src/shield';
import { Permission } from '../../src/shield/permission-catalog';
import { gatedElements, RequiresDirective, requirementSentence, requiresArguments, withRequirements } from '../../src/shield/requirement-docs';
import { need, needsAll } from '../../src/shield/requirement';
import { and, or, requires, rule } from '../../src/shield/rules';
import { INPUT_RULES } from '../../src/shield/rules/input.rules';
import { startApi, TestApi } from '../support/api';

interface Element { coordinate: string; description: string | null | undefined; node: { description?: string | null; extensions?: unknown; astNode?: unknown } }

/** Every type, field, argument, input field and enum value of the schema, by coordinate. */
function elementsOf(schema: GraphQLSchema): Map<string, Element> {
  const found = new Map<string, Element>();
  const add = (coordinate: string, node: Element['node']) => found.set(coordinate, { coordinate, description: node.description, node });
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    add(type.name, type);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(`${type.name}.${field.name}`, field);
        for (const arg of field.args) add(`${type.name}.${field.name}(${arg.name})`, arg);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) add(`${type.name}.${field.name}`, field);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) add(`${type.name}.${value.name}`, value);
    }
  }
  return found;
}

const PERMISSIONS = Object.values(Permission).join('|');
/** A hand-written "Needs X" / "Requires X": the generated sentence says it, from the rules. */
const HAND_WRITTEN_REQUIREMENT = new RegExp(`\\b(needs|requires)\\b[^.;]*\\b(${PERMISSIONS})\\b`, 'i');
/** "The name.", "The SKU of the product.": a description that only repeats the name. */
const PLACEHOLDER = /^(the|its|a|an) [\w-]+( (of|for) (the |its |a |an )?[\w-]+)?\.?$/i;

describe('a schema that documents itself and its permissions (issue 18 §5)', () => {
  const written = elementsOf(buildWrittenSchema());
  const declared = elementsOf(buildApiSchema());
  const gated = gatedElements(buildWrittenSchema(), RULES, INPUT_RULES, GUARDS);

  it('every type, field, argument, input field and enum value has a description written in the code', () => {
    expect([...written.values()].filter((e) => !e.description?.trim()).map((e) => e.coordinate)).toEqual([]);
  });

  it('no written description is a placeholder that repeats the name', () => {
    expect([...written.values()].filter((e) => PLACEHOLDER.test(e.description ?? '')).map((e) => `${e.coordinate}: ${e.description}`)).toEqual([]);
  });

  it('no gated element states its permission by hand: the sentence is generated from the rule', () => {
    const handWritten = [...gated.keys()].filter((coordinate) => HAND_WRITTEN_REQUIREMENT.test(written.get(coordinate)?.description ?? ''));
    expect(handWritten.map((c) => `${c}: ${written.get(c)?.description}`)).toEqual([]);
  });

  it('every gated element has a rule that states its requirement (fail closed: a rule built without one fails here)', () => {
    expect(gated.size).toBeGreaterThan(80);
    expect([...gated].filter(([, e]) => !e.requirement).map(([coordinate]) => coordinate)).toEqual([]);
  });

  it('each gated element\'s description ends with the sentence generated from its rule, and @requires carries it', () => {
    const wrong: string[] = [];
    for (const [coordinate, { place, requirement }] of gated) {
      const element = declared.get(coordinate);
      if (!element) {
        wrong.push(`${coordinate}: a rule names an element the schema does not have`);
        continue;
      }
      const sentence = requirementSentence(requirement!, place);
      if (!element.description?.endsWith(sentence)) wrong.push(`${coordinate}: "${element.description}" does not end with "${sentence}"`);
      const directive = (element.node.extensions as { directives?: { requires?: unknown } } | undefined)?.directives?.requires;
      expect({ coordinate, directive: directive ?? null }).toEqual({ coordinate, directive: requiresArguments(requirement!) });
    }
    expect(wrong).toEqual([]);
  });

  it('states what the rules ask, as a client reads it', () => {
    const description = (coordinate: string) => declared.get(coordinate)!.description;
    expect(description('Product.purchasePrice')).toMatch(/Requires PURCHASE_PRICE_VIEW; null otherwise\.$/);
    expect(description('Query.settings')).toMatch(/Requires INVENTORY_VIEW or SETTINGS_EDIT; null and FORBIDDEN otherwise\.$/);
    expect(description('User.email')).toMatch(/Requires being this user or ACCESS_MANAGE; null otherwise\.$/);
    expect(description('InventoryReport.sales')).toMatch(/Requires REPORT_VIEW on SALES reports; null otherwise\.$/);
    expect(description('Mutation.reserveProduct')).toMatch(
      /Requires INVENTORY_VIEW, PRODUCT_RESERVE and WAREHOUSE_SELECT on the warehouse in warehouseId; FORBIDDEN otherwise, and nothing changes\.$/);
    expect(description('Mutation.processDocument')).toMatch(
      /Requires INVENTORY_VIEW, DOCUMENT PROCESS on the document's type and WAREHOUSE_SELECT on every warehouse its lines touch; FORBIDDEN otherwise, and nothing changes\.$/);
    expect(description('Query.documents(type)')).toMatch(/Giving it requires DOCUMENT VIEW on that type; FORBIDDEN otherwise\.$/);
    expect(description('StockLevelOrderField.VALUE')).toMatch(/Giving it requires PURCHASE_PRICE_VIEW; FORBIDDEN otherwise\.$/);
    expect(description('StockLevelOrder.field')).toMatch(
      /Giving VALUE requires PURCHASE_PRICE_VIEW; PRODUCT_SKU or PRODUCT_NAME requires CATALOG_VIEW; FORBIDDEN otherwise\.$/);
    expect(description('Mutation.importProductsCsv(csv)')).toMatch(/Giving it requires PURCHASE_PRICE_VIEW when the file sets a purchase price; FORBIDDEN otherwise\.$/);
    expect(description('StockLevel')).toMatch(/Shown only with INVENTORY_VIEW and WAREHOUSE_SELECT on its warehouse; other objects are left out of lists and null elsewhere, without an error\.$/);
    expect(description('Query.units')).toMatch(/Any signed-in viewer; no permission needed\.$/);
  });

  it('schema.graphql declares @requires and shows it on exactly the gated elements that need a permission', () => {
    const sdl = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
    const directive = sdl.getDirective('requires')!;
    expect(directive.description).toBe(RequiresDirective.description);
    const shown = new Map<string, unknown>();
    for (const element of elementsOf(sdl).values()) {
      const values = element.node.astNode ? getDirectiveValues(directive, element.node.astNode as never) : undefined;
      if (values) shown.set(element.coordinate, values);
    }
    const expected = new Map([...gated].flatMap(([c, e]) => (requiresArguments(e.requirement!) ? [[c, requiresArguments(e.requirement!)] as const] : [])));
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
    expect(shown.get('Product.purchasePrice')).toEqual({ allOf: ['PURCHASE_PRICE_VIEW'] });
    expect(shown.get('Query.settings')).toEqual({ anyOf: ['INVENTORY_VIEW', 'SETTINGS_EDIT'] });
  });

  it('custom scalars name the specification they follow (specifiedByURL)', () => {
    const schema = buildApiSchema();
    const custom = Object.values(schema.getTypeMap()).filter((t) => isScalarType(t) && !isSpecifiedScalarType(t));
    expect(custom.map((t) => t.name).sort()).toEqual(['Date', 'DateTimeISO', 'Decimal', 'JSON']);
    for (const scalar of custom) expect({ scalar: scalar.name, url: isScalarType(scalar) && scalar.specifiedByURL }).toEqual({ scalar: scalar.name, url: expect.stringMatching(/^https?:\/\//) });
    // Calendar days are a Date scalar wherever the schema has one: report days, periods, document dates.
    const schemaTypes = elementsOf(schema);
    for (const coordinate of ['DailySales.day', 'InventoryReport.from', 'Query.inventoryReport(from)', 'InventoryDocument.documentDate', 'InventorySettings.closedBefore']) {
      const node = schemaTypes.get(coordinate)!.node as { type: { toString(): string } };
      expect({ coordinate, type: node.type.toString().replace(/!$/, '') }).toEqual({ coordinate, type: 'Date' });
    }
  });
});

describe('requirements generated from the rule tree, fail closed', () => {
  const schema = buildSchema(`
    type Query { open: String  priced: String  either: String  tangled: String  bare: String  filtered(kind: String): String }
  `);
  const bare = rule('bare', undefined as never, () => null);
  const tree = {
    Query: {
      priced: requires(Permission.PURCHASE_PRICE_VIEW),
      either: or(requires(Permission.INVENTORY_VIEW), requires(Permission.SETTINGS_EDIT)),
      // (A and B) or C: the requirement model cannot state it.
      tangled: or(and(requires(Permission.SALES_VIEW), requires(Permission.PURCHASE_PRICE_VIEW)), requires(Permission.ACCESS_MANAGE)),
      bare,
      filtered: rule('kind', { allOf: [], anyOf: [], args: { kind: needsAll(need('DOCUMENT:<kind>:VIEW', 'DOCUMENT VIEW on that kind')) } }, () => null),
    },
  };

  it('reports a gated field whose rule states no requirement, or one the model cannot state', () => {
    const gated = gatedElements(schema, tree as never, {}, {});
    expect([...gated].filter(([, e]) => !e.requirement).map(([c]) => c).sort()).toEqual(['Query.bare', 'Query.tangled']);
  });

  it('appends the sentence and the directive, and leaves elements without a rule as they are', () => {
    const documented = withRequirements(schema, tree as never, {}, {});
    const fields = documented.getQueryType()!.getFields();
    expect(fields.open.description).toBeUndefined();
    expect(fields.priced.description).toBe('Requires PURCHASE_PRICE_VIEW; null and FORBIDDEN otherwise.');
    expect(fields.priced.extensions).toEqual({ directives: { requires: { allOf: ['PURCHASE_PRICE_VIEW'] } } });
    expect(fields.either.extensions).toEqual({ directives: { requires: { anyOf: ['INVENTORY_VIEW', 'SETTINGS_EDIT'] } } });
    expect(fields.filtered.args[0].description).toBe('Giving it requires DOCUMENT VIEW on that kind; FORBIDDEN otherwise.');
    expect(documented.getDirective('requires')).toBe(RequiresDirective);
  });
});

describe('the served schema documents itself through introspection (GraphiQL\'s docs pane)', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi({ users: [{ key: 'ana', roles: [] }] }); });
  afterAll(() => api.close());

  it('descriptions with the generated requirement, and specifiedByURL on the custom scalars', async () => {
    const res = await api.gql('ana', `{
      product: __type(name: "Product") { description fields { name description } }
      decimal: __type(name: "Decimal") { specifiedByURL }
      day: __type(name: "Date") { specifiedByURL }
      instant: __type(name: "DateTimeISO") { specifiedByURL }
    }`);
    expect(res.errors).toBeUndefined();
    const fields = Object.fromEntries(res.data.product.fields.map((f: { name: string; description: string }) => [f.name, f.description]));
    expect(res.data.product.description).toBe(buildApiSchema().getType('Product')!.description);
    expect(fields.purchasePrice).toMatch(/^What it is bought at.*Requires PURCHASE_PRICE_VIEW; null otherwise\.$/);
    expect(fields.stockLevels).toMatch(/Requires INVENTORY_VIEW; null otherwise\.$/);
    expect(res.data.decimal.specifiedByURL).toBe('https://www.w3.org/TR/xmlschema11-2/#decimal');
    expect(res.data.day.specifiedByURL).toBe('https://scalars.graphql.org/andimarek/local-date.html');
    expect(res.data.instant.specifiedByURL).toBe('https://scalars.graphql.org/andimarek/date-time.html');
  });
});
