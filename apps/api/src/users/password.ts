import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (node's own: no native add-on) at OWASP's recommended cost
 * (N=2^15, r=8, p=3: 32 MiB and a few hundred ms per hash, on libuv's thread pool, not the event
 * loop). The stored string names its parameters, so the cost can rise later without breaking
 * existing hashes: `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url).
 */
const COST = { log2N: 15, r: 8, p: 3 };
const KEY_LENGTH = 32;
const SHAPE = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function derive(password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** cost.log2N,
    r: cost.r,
    p: cost.p,
    maxmem: 256 * 2 ** cost.log2N * cost.r,
  };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.log2N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** Whether the password matches the stored hash (constant time); false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = SHAPE.exec(stored);
  if (!match) return false;
  const cost = { log2N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (cost.log2N < 10 || cost.log2N > 20 || cost.r > 32 || cost.p > 16) return false;
  const expected = Buffer.from(match[5], 'base64url');
  const actual = await derive(password, Buffer.from(match[4], 'base64url'), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Whether a hash was made with weaker parameters than today's (rehash it at the next sign-in). */
export function needsRehash(stored: string): boolean {
  const match = SHAPE.exec(stored);
  return !match || Number(match[1]) < COST.log2N || Number(match[2]) < COST.r || Number(match[3]) < COST.p;
}
