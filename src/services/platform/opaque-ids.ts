import crypto from 'node:crypto';

/**
 * Opaque ids (DESIGN §3.9, docs/design.md "Ids"; issue 15 §3, issue 18 §2). The database keeps its
 * integer keys; the API shows each as one AES-128 block — a kind tag, the key, and seven zero bytes
 * checked on decode — encrypted under a key derived from ID_SECRET, in base64url (22 characters).
 * AES is a pseudo-random permutation, so ids are stable (the same object always has the same id),
 * unique, unrelated to insertion order, reveal no count, cannot be forged (a random string decodes
 * with probability 2^-56), and the kind is recoverable for `node(id:)`.
 */

/** Every kind of object that has an id; the tag is part of every id ever issued: never renumber. */
export const ID_KINDS = {
  Warehouse: 1,
  Product: 2,
  InventoryDocument: 3,
  DocumentItem: 4,
  StockLevel: 5,
  StockMovement: 6,
  Reservation: 7,
  User: 8,
  Role: 9,
  RoleAssignment: 10,
  Application: 11,
  AccessAuditEntry: 12,
  InventorySettings: 13,
  DocumentFormLayout: 14,
} as const;
export type IdKind = keyof typeof ID_KINDS;

const KIND_OF_TAG = new Map<number, IdKind>(Object.entries(ID_KINDS).map(([kind, tag]) => [tag, kind as IdKind]));

/** The development secret: fine on a laptop, refused in production (docs/operations.md). */
export const DEV_ID_SECRET = 'stockgate-development-id-secret-do-not-use-in-production';

interface Keys {
  cipher: crypto.Cipher;
  decipher: crypto.Decipher;
  cursorKey: Buffer;
  cursorMac: Buffer;
  cache: Map<number, Map<number, string>>;
}

const derive = (secret: string, info: string, length: number) =>
  Buffer.from(crypto.hkdfSync('sha256', secret, 'stockgate-ids', info, length));

function keysFor(secret: string): Keys {
  const idKey = derive(secret, 'id-block-v1', 16);
  // ECB over single blocks, no padding: each update() of 16 bytes is one independent block.
  const cipher = crypto.createCipheriv('aes-128-ecb', idKey, null).setAutoPadding(false);
  const decipher = crypto.createDecipheriv('aes-128-ecb', idKey, null).setAutoPadding(false);
  return { cipher, decipher, cursorKey: derive(secret, 'cursor-ctr-v1', 16), cursorMac: derive(secret, 'cursor-mac-v1', 32), cache: new Map() };
}

let keys = keysFor(DEV_ID_SECRET);
let currentSecret = DEV_ID_SECRET;

/** Sets the secret ids are derived from (ID_SECRET); changing it changes every id and cursor. */
export function useIdSecret(secret: string): void {
  if (secret === currentSecret) return;
  currentSecret = secret;
  keys = keysFor(secret);
}

const CACHE_PER_KIND = 100_000;

/** The id the API shows for the object of this kind with this database key. */
export function encodeId(kind: IdKind, key: number): string {
  const tag = ID_KINDS[kind];
  let byKey = keys.cache.get(tag);
  if (!byKey) keys.cache.set(tag, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  if (!Number.isSafeInteger(key) || key < 0) throw new Error(`cannot encode ${kind} key ${key}`);
  const block = Buffer.alloc(16);
  block[0] = tag;
  block.writeBigUInt64BE(BigInt(key), 1);
  const id = keys.cipher.update(block).toString('base64url');
  if (byKey.size >= CACHE_PER_KIND) byKey.clear();
  byKey.set(key, id);
  return id;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The kind and database key of an id this API issued, or null for anything else (old numeric ids included). */
export function decodeId(id: unknown): { kind: IdKind; key: number } | null {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return null;
  const raw = Buffer.from(id, 'base64url');
  if (raw.length !== 16 || raw.toString('base64url') !== id) return null;
  const block = keys.decipher.update(raw);
  const kind = KIND_OF_TAG.get(block[0]);
  if (!kind || block.subarray(9).some((byte) => byte !== 0)) return null;
  const key = block.readBigUInt64BE(1);
  if (key > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { kind, key: Number(key) };
}

/**
 * A connection cursor, sealed: deterministic authenticated encryption (the SIV construction: the
 * IV is an HMAC of the content, the content AES-CTR-encrypted under it), so the same row in the
 * same order always has the same cursor, and a cursor reveals neither the row's key nor a count.
 */
export function sealCursor(content: string): string {
  const plain = Buffer.from(content, 'utf8');
  const iv = crypto.createHmac('sha256', keys.cursorMac).update(plain).digest().subarray(0, 16);
  const cipher = crypto.createCipheriv('aes-128-ctr', keys.cursorKey, iv);
  return Buffer.concat([iv, cipher.update(plain), cipher.final()]).toString('base64url');
}

/** The content of a cursor this API sealed, or null. */
export function openCursor(cursor: string): string | null {
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]{22,}$/.test(cursor)) return null;
  const raw = Buffer.from(cursor, 'base64url');
  if (raw.length <= 16) return null;
  const iv = raw.subarray(0, 16);
  const decipher = crypto.createDecipheriv('aes-128-ctr', keys.cursorKey, iv);
  const plain = Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]);
  const expected = crypto.createHmac('sha256', keys.cursorMac).update(plain).digest().subarray(0, 16);
  return crypto.timingSafeEqual(iv, expected) ? plain.toString('utf8') : null;
}
