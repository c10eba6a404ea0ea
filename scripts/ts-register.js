// Runs scripts/*.ts and src/main.ts without a build step (npm run token, tests' child processes):
// TypeScript is transpiled on require, with decorator metadata, like ts-jest does.
const fs = require('node:fs');
const ts = require('typescript');
const config = require('../tsconfig.json').compilerOptions;

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { ...config, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, sourceMap: false, types: undefined, moduleResolution: undefined, lib: undefined, outDir: undefined, rootDir: undefined },
  });
  module._compile(outputText, filename);
};
