/**
 * How much a JWT_SECRET resists guessing, estimated without a dictionary (docs/operations.md).
 *
 * The estimate is the secret's length × the Shannon entropy of its own character distribution
 * (bits per character), taken over the shortest period the secret repeats with ("abcabcabc…"
 * counts as "abc"). It is a lower bound for random secrets from any alphabet (64 hex chars ≈ 240
 * bits, `openssl rand -base64 48` ≈ 330) and near zero for the secrets people type by mistake:
 * 32 spaces, one character repeated, a short word repeated to length. It does not know words,
 * so it is a floor, not a proof: generate the secret, never choose it.
 */
export const MIN_SECRET_BITS = 128;

export function estimatedSecretBits(secret: string): number {
  const chars = Array.from(secret);
  const unit = chars.slice(0, shortestPeriod(chars));
  const counts = new Map<string, number>();
  for (const c of unit) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bitsPerChar = 0;
  for (const n of counts.values()) bitsPerChar -= (n / unit.length) * Math.log2(n / unit.length);
  return bitsPerChar * unit.length;
}

/** The length of the shortest prefix whose repetition spells the whole string. */
function shortestPeriod(chars: string[]): number {
  for (let p = 1; p < chars.length; p++) {
    if (chars.every((c, i) => c === chars[i % p])) return p;
  }
  return chars.length;
}
