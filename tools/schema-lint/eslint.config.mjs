// graphql-eslint's recommended schema rules over schema.graphql (issue 18 §5), run by
// `npm run lint:schema` and .ci/run. The linter lives in its own package (tools/schema-lint) so
// its dependency tree — graphql-config and the whatwg fetch stack, whose current releases want
// Node >= 22.15 — never enters the service's `npm install`; package.json pins Node-20 releases.
// A rule turned off here must say why.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

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
    },
  },
];
