import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, execute, parse } from 'graphql';
import { buildApiSchema } from '../../src/schema/build-schema';
import { printSchemaSdl } from '../../src/schema/print-schema';
import { RULES } from '../../src/shield';
import { Access } from '../../src/shield/access';
import { applyShield } from '../../src/shield/apply-shield';
import { allow, requires, rule } from '../../src/shield/rules';
import { Permission } from '../../src/shield/permission-catalog';
import { auditSchema } from '../../src/shield/schema-audit';

describe('the schema', () => {
  it('schema.graphql is the SDL emitted from the code (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSchemaSdl());
  });

  it('every field of every type has an explicit rule, and no rule names a field that does not exist', () => {
    const audit = auditSchema(buildApiSchema(), RULES);
    expect(audit.missingRules).toEqual([]);
    expect(audit.unknownRules).toEqual([]);
  });

  it('every field that a rule can deny is nullable, so denial shows as null (DESIGN §3.5)', () => {
    expect(auditSchema(buildApiSchema(), RULES).protectedNonNull).toEqual([]);
  });
});

describe('the schema walk over the graphql-shield tree, and the shield, fail closed', () => {
  const schema = buildSchema(`
    type Query { open: String  secret: String!  unruled: String  priced: String }
  `);
  const rootValue = { open: 'o', secret: 's', unruled: 'u', priced: 'p' };
  const rules = { Query: { open: allow, secret: requires(Permission.ACCESS_MANAGE), priced: requires(Permission.CATALOG_VIEW) } };

  it('reports a field without a rule and a protected non-null field', () => {
    const audit = auditSchema(schema, rules);
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
        open: rule('broken', () => { throw new Error('bug in rule'); }),
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
