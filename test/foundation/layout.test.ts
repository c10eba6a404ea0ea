import fs from 'node:fs';
import path from 'node:path';
import madge from 'madge';

const root = path.resolve(__dirname, '../..');
const MAX_LINES = 250;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('a codebase a newcomer can find their way in', () => {
  it('has no import cycles in src, scripts or test', async () => {
    const graph = await madge(['src', 'scripts', 'test'].map((dir) => path.join(root, dir)), {
      baseDir: root, fileExtensions: ['ts'], tsConfig: path.join(root, 'tsconfig.json'),
    });
    expect(graph.circular()).toEqual([]);
  });

  it(`has no file over ${MAX_LINES} lines in src`, () => {
    const long = sourceFiles(path.join(root, 'src'))
      .map((file) => ({ file: path.relative(root, file), lines: fs.readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('keeps services grouped by area: no service file directly under src/services', () => {
    const loose = fs.readdirSync(path.join(root, 'src/services'), { withFileTypes: true }).filter((e) => e.isFile());
    expect(loose.map((e) => e.name)).toEqual([]);
  });
});
