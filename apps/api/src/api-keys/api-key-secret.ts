import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PREFIX = 'wsk_';
/** `wsk_` + 43 base64url characters (32 random bytes). */
const KEY_SHAPE = /^wsk_[A-Za-z0-9_-]{43}$/;

export interface NewKeySecret {
  key: string;
  hash: string;
  /** Enough to tell keys apart in a list, far too little to guess the rest. */
  prefix: string;
}

export function generateKeySecret(): NewKeySecret {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashKey(key), prefix: key.slice(0, KEY_PREFIX.length + 6) };
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether a token could be a workspace key at all (spares the database obvious garbage). */
export function looksLikeWorkspaceKey(token: string): boolean {
  return KEY_SHAPE.test(token);
}

/** Compares two secrets in time independent of where they differ (and of their lengths). */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}
