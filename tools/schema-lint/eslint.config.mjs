// graphql-eslint's recommended schema rules over schema.graphql (issue 18 §5), run by
// `npm run lint:schema` and .ci/run. The linter lives in its own package (tools/schema-lint) so
// its dependency tree — graphql-config and the whatwg fetch stack, whose current releases want
// Node >= 22.15 — never enters the service's `npm install`; package.json pins Node-20 releases.
// A rule turned off here must say why.
import { readFileSync } from 'node:fs';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { buildSchema, isObjectType } from 'graphql';

// strict-id-in-types wants an `id: ID!` on every object type. Every entity of the design is a Node
// with its opaque id (docs/design.md "Ids"; CONTRIBUTING: a new entity type is a Node); the other
// object types are values without an identity of their own — pages and edges, report figures,
// explanations, bulk results, the viewer — where an id would be invented (a client cache keeps them
// inside their parent). So its exceptions are exactly the object types that do not implement Node,
// read from the schema; every Node type is still held to one `id: ID!`.
const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
const valueTypes = Object.values(schema.getTypeMap())
  .filter((type) => isObjectType(type) && !type.name.startsWith('__') && !type.getInterfaces().some((i) => i.name === 'Node'))
  .map((type) => type.name);

export default [
  {
    files: ['schema.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      // Schema-wide rules (no-unreachable-types, …) read the schema through graphql-config.
      parserOptions: { graphQLConfig: { schema: 'schema.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      // The recommended set asks a description of types, directives and root fields; every element
      // of ours has one (test/foundation/schema-docs.test.ts), so the lint asks it of all of them.
      '@graphql-eslint/require-description': ['error', {
        types: true, rootField: true, DirectiveDefinition: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true,
      }],
      '@graphql-eslint/strict-id-in-types': ['error', { exceptions: { types: valueTypes } }],
    },
  },
];
