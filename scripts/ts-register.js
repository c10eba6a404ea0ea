// Runs scripts/*.ts and src/main.ts without a build step (npm run token, tests' child processes):
// TypeScript is transpiled on require, with decorator metadata, like ts-jest does. Each file's
// output is cached by content in the system's temp directory, and the compiler is loaded only on a
// miss: a process that starts the service then takes about as long as `node dist/…` would, even
// on a busy machine (a start-up that transpiled ~250 files timed out under load: issue 13 §4).
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const config = require('../tsconfig.json').compilerOptions;

const cacheDir = path.join(os.tmpdir(), 'stockgate-ts-register');
const settings = JSON.stringify(config) + process.version;
let ts;

function transpile(source, filename) {
  ts = ts ?? require('typescript');
  return ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { ...config, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, sourceMap: false, types: undefined, moduleResolution: undefined, lib: undefined, outDir: undefined, rootDir: undefined },
  }).outputText;
}

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(settings).update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = transpile(source, filename);
    // Written beside and renamed: concurrent processes never read a half-written file.
    const partial = `${cached}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(partial, output);
      fs.renameSync(partial, cached);
    } catch {
      // A read-only temp directory only costs the cache.
    }
  }
  module._compile(output, filename);
};
