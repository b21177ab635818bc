import { hashPassword, needsRehash, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$15\$8\$3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it('treats composed and decomposed forms of a character as the same password', async () => {
    const stored = await hashPassword('caf\u00e9-password');
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true);
  });

  it('refuses malformed or absurd stored hashes instead of throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$15$8$3$abc', 'scrypt$30$8$1$AAAA$AAAA', 'bcrypt$x']) {
      expect(await verifyPassword('whatever', stored)).toBe(false);
    }
    expect(needsRehash('scrypt$14$8$1$AAAA$AAAA')).toBe(true);
  });
});
