import fs from 'node:fs';
import path from 'node:path';

/**
 * The design travels with the code: every "DESIGN §n" (or "design.md §n") cited in code, tests
 * and docs names a section that docs/design.md has, and nothing points at a design file
 * outside the repository.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const DESIGN = path.join(ROOT, 'docs', 'design.md');

const SECTION = String.raw`\d+(?:\.\d+)*`;
/** `DESIGN §3.8`, `DESIGN.md §5`, `design.md §2`, `[docs/design.md](…) §2`, and ranges `§1–§2`, `§3.1-3.4`. */
const CITATION = new RegExp(
  String.raw`(?:\bDESIGN(?:\.md)?|design\.md)[\`'")\]]*(?:\([^)\s]*\))?\s*§\s*(${SECTION})(?:\s*[–-]\s*§?\s*(${SECTION}))?`,
  'g',
);
/** Headings such as `## 1. Domain` or `### 3.2 Single lookups …`. */
const HEADING = new RegExp(String.raw`^#{1,6}\s+§?\s*(${SECTION})\.?\s`, 'gm');
/** Built from parts so that this file does not match itself. */
const OUTSIDE = ['..' + '/shared/', 'shared/' + 'DESIGN.md'];

/** Directories that are not the project's source: dependencies, git, and the build/data output .gitignore lists. */
function ignoredNames(): { dirs: Set<string>; suffixes: string[] } {
  const dirs = new Set(['.git', 'node_modules']);
  const suffixes: string[] = [];
  const gitignore = path.join(ROOT, '.gitignore');
  if (fs.existsSync(gitignore)) {
    for (const line of fs.readFileSync(gitignore, 'utf8').split('\n').map((l) => l.trim())) {
      if (/^\*\.[\w.]+$/.test(line)) suffixes.push(line.slice(1));
      else if (/^[\w.-]+\/?$/.test(line)) dirs.add(line.replace(/\/$/, ''));
    }
  }
  return { dirs, suffixes };
}

function walk(dir: string, ignored = ignoredNames(), out: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // moved away while we looked
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!ignored.dirs.has(entry.name)) walk(full, ignored, out);
    } else if (entry.isFile() && !ignored.suffixes.some((s) => entry.name.endsWith(s))) {
      out.push(full);
    }
  }
  return out;
}

const read = (file: string): string | null => {
  try {
    const buffer = fs.readFileSync(file);
    return buffer.subarray(0, 8000).includes(0) ? null : buffer.toString('utf8');
  } catch {
    return null;
  }
};

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
const relative = (file: string) => path.relative(ROOT, file);

describe('docs/design.md is the design, and every citation of it resolves', () => {
  const design = fs.readFileSync(DESIGN, 'utf8');
  const sections = new Set([...design.matchAll(HEADING)].map((m) => m[1]));

  it('has the numbered sections the code cites: §1–§5 and the ten points of §3', () => {
    const expected = ['1', '2', '3', '4', '5', ...Array.from({ length: 10 }, (_, i) => `3.${i + 1}`)];
    expect(expected.filter((s) => !sections.has(s))).toEqual([]);
  });

  it('every DESIGN §n in src/, test/, scripts/, docs/, README.md and CONTRIBUTING.md names a section of docs/design.md', () => {
    const files = [
      ...['src', 'test', 'scripts', 'docs'].flatMap((dir) => walk(path.join(ROOT, dir))),
      path.join(ROOT, 'README.md'),
      path.join(ROOT, 'CONTRIBUTING.md'),
    ].filter((f) => /\.(ts|md)$/.test(f));

    const broken: string[] = [];
    let citations = 0;
    for (const file of files) {
      const text = read(file);
      if (text === null) continue;
      for (const match of text.matchAll(CITATION)) {
        citations++;
        for (const cited of [match[1], match[2]].filter(Boolean)) {
          if (!sections.has(cited)) broken.push(`${relative(file)}:${lineOf(text, match.index!)}: "${match[0]}" — no §${cited}`);
        }
      }
    }
    expect(citations).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('cross-references inside docs/design.md name its own sections', () => {
    const broken = [...design.matchAll(new RegExp(String.raw`§\s*(${SECTION})`, 'g'))]
      .filter((m) => !sections.has(m[1]))
      .map((m) => `docs/design.md:${lineOf(design, m.index!)}: §${m[1]}`);
    expect(broken).toEqual([]);
  });

  it('no file of the repository points at a design outside it', () => {
    const offenders: string[] = [];
    for (const file of walk(ROOT)) {
      const text = read(file);
      if (text === null) continue;
      text.split('\n').forEach((line, i) => {
        if (OUTSIDE.some((s) => line.includes(s))) offenders.push(`${relative(file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
