import 'reflect-metadata';
import { DEV_JWT_SECRET } from '../../src/config';
import { defaultServerEntry, postingBenchmark, PostingResult, PostingScenario, postingTable } from './posting';

/** `npm run bench:posting`: only the posting scenarios of `npm run bench` (BENCH_POSTING_SCENARIOS picks some). */
async function main() {
  const secret = process.env.JWT_SECRET ?? DEV_JWT_SECRET;
  const scenarios = (process.env.BENCH_POSTING_SCENARIOS ?? 'uncontended,contended,bulk').split(',') as PostingScenario[];
  const results: PostingResult[] = [];
  for (const scenario of scenarios) {
    const result = await postingBenchmark(secret, defaultServerEntry(), scenario);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    results.push(result);
  }
  process.stdout.write(`${postingTable(results).join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
