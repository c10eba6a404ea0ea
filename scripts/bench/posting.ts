export interface PostingResult {
  concurrency: number;
  documentsPerSecond: number;
  singleLine: number;
  threeLine: number;
  oversold: number;
  deadlockFailures: number;
  levelsEqualLedger: boolean;
}

/** Filled in once the document mutations exist (issue 5). */
export async function postingBenchmark(_secret: string): Promise<PostingResult> {
  throw new Error('document mutations are not available yet');
}
