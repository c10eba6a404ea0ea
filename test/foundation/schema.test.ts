import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, execute, parse } from 'graphql';
import { buildApiSchema } from '../../src/schema/build-schema';
import { printSchemaSdl } from '../../src/schema/print-schema';
import { RULES } from '../../src/shield';
import { withInputRules } from '../../src/shield/input-rules';
import { INPUT_RULES } from '../../src/shield/rules/input.rules';
import { User } from '../../src/entities/user.entity';
import { Access, NO_GRANTS } from '../../src/shield/access';
import { applyShield } from '../../src/shield/apply-shield';
import { allow, requires, rule } from '../../src/shield/rules';
import { SIGNED_IN } from '../../src/shield/requirement';
import { Permission } from '../../src/shield/permission-catalog';
import { auditSchema } from '../../src/shield/schema-audit';

describe('the schema', () => {
  it('schema.graphql is the SDL emitted from the code (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSchemaSdl());
  });

  it('every field of every type has an explicit rule, and no rule names a field that does not exist', () => {
    const audit = auditSchema(buildApiSchema(), RULES, INPUT_RULES);
    expect(audit.missingRules).toEqual([]);
    expect(audit.unknownRules).toEqual([]);
  });

  it('every argument and every field of every input type has an input rule, and no input rule names a coordinate that does not exist (DESIGN §3.9)', () => {
    const audit = auditSchema(buildApiSchema(), RULES, INPUT_RULES);
    expect(audit.missingInputRules).toEqual([]);
    expect(audit.unknownInputRules).toEqual([]);
  });

  it('every field that a rule can deny is nullable, so denial shows as null (DESIGN §3.5)', () => {
    expect(auditSchema(buildApiSchema(), RULES, INPUT_RULES).protectedNonNull).toEqual([]);
  });
});

describe('the schema walk over the graphql-shield tree, and the shield, fail closed', () => {
  const schema = buildSchema(`
    type Query { open: String  secret: String!  unruled: String  priced: String }
  `);
  const rootValue = { open: 'o', secret: 's', unruled: 'u', priced: 'p' };
  const rules = { Query: { open: allow, secret: requires(Permission.ACCESS_MANAGE), priced: requires(Permission.CATALOG_VIEW) } };

  it('reports a field without a rule and a protected non-null field', () => {
    const audit = auditSchema(schema, rules, {});
    expect(audit.missingRules).toEqual(['Query.unruled']);
    expect(audit.protectedNonNull).toEqual(['Query.secret']);
  });

  it('denies a field without a rule at run time', async () => {
    const shielded = applyShield(schema, rules, {});
    const contextValue = { access: Access.anonymous(), deniedCoordinates: new Set(), requestId: 't' };
    const result = await execute({ schema: shielded, document: parse('{ open unruled }'), rootValue, contextValue });
    expect(result.data).toEqual({ open: 'o', unruled: null });
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('a rule that throws denies, and a resolver error is not relabelled as an authorization error', async () => {
    const throwing = {
      Query: {
        open: rule('broken', SIGNED_IN, () => { throw new Error('bug in rule'); }),
        priced: allow,
      },
    };
    const shielded = applyShield(schema, throwing, {});
    const contextValue = { access: Access.anonymous(), deniedCoordinates: new Set(), requestId: 't' };
    const rootValueWithFailure = { ...rootValue, priced: () => { throw new Error('resolver failed'); } };
    const result = await execute({ schema: shielded, document: parse('{ open priced }'), rootValue: rootValueWithFailure, contextValue });
    expect(result.data).toEqual({ open: null, priced: null });
    const byPath = Object.fromEntries(result.errors!.map((e) => [e.path![0], e]));
    expect(byPath.open.extensions.code).toBe('FORBIDDEN');
    expect(byPath.priced.message).toBe('resolver failed');
    expect(byPath.priced.extensions.code).toBeUndefined();
  });
});

describe('input rules: the schema walk and the shield fail closed on inputs too (DESIGN §3.9)', () => {
  const schema = buildSchema(`
    input LineInput { quantity: String  price: String  note: String }
    type Query { open: String }
    type Mutation { save(lines: [LineInput!], tag: String, flag: Boolean): String }
  `);
  const rootValue = { open: 'o', save: () => 'saved' };
  const rules = { Query: { open: allow }, Mutation: { save: allow } };
  const inputRules = {
    'LineInput.quantity': allow,
    'LineInput.price': requires(Permission.PURCHASE_PRICE_VIEW),
    'Mutation.save(lines)': allow,
    'Mutation.save(tag)': allow,
    'Query.gone(id)': allow,
  };

  it('reports an input field and an argument without an input rule, and an input rule for nothing', () => {
    const audit = auditSchema(schema, rules, inputRules);
    expect(audit.missingInputRules.sort()).toEqual(['LineInput.note', 'Mutation.save(flag)']);
    expect(audit.unknownInputRules).toEqual(['Query.gone(id)']);
  });

  const run = async (query: string) => {
    const shielded = applyShield(schema, withInputRules(schema, rules, inputRules), {});
    // Signed in, holding no permission.
    const access = new Access({ id: 1 } as User, NO_GRANTS);
    const contextValue = { access, deniedCoordinates: new Set(), requestId: 't' };
    return execute({ schema: shielded, document: parse(query), rootValue, contextValue });
  };

  it('allows inputs whose rules allow, and denies a value at a coordinate whose rule denies, naming its path and the permission', async () => {
    expect((await run('mutation { save(lines: [{ quantity: "1" }], tag: "x") }')).data).toEqual({ save: 'saved' });
    const denied = await run('mutation { save(lines: [{ quantity: "1" }, { quantity: "2", price: "9" }]) }');
    expect(denied.data).toEqual({ save: null });
    expect(denied.errors?.map((e) => e.extensions)).toEqual([
      { code: 'FORBIDDEN', coordinate: 'Mutation.save', permission: 'PURCHASE_PRICE_VIEW', field: 'lines[1].price' },
    ]);
  });

  it('denies a value given at a coordinate without an input rule, also null', async () => {
    for (const query of ['mutation { save(lines: [{ note: "n" }]) }', 'mutation { save(lines: [{ note: null }]) }', 'mutation { save(flag: true) }']) {
      const denied = await run(query);
      expect(denied.data).toEqual({ save: null });
      expect(denied.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
  });
});
