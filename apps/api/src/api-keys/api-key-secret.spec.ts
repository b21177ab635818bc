import { generateKeySecret, hashKey, looksLikeWorkspaceKey, secretsEqual } from './api-key-secret';

describe('API key secrets', () => {
  it('generates wsk_ keys whose hash and prefix are derived from the key, never equal to it', () => {
    const a = generateKeySecret();
    const b = generateKeySecret();
    expect(a.key).toMatch(/^wsk_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.hash).toBe(hashKey(a.key));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.key.startsWith(a.prefix)).toBe(true);
    expect(a.prefix.length).toBeLessThan(12);
    expect(looksLikeWorkspaceKey(a.key)).toBe(true);
  });

  it('rejects tokens that cannot be keys', () => {
    expect(looksLikeWorkspaceKey('wsk_short')).toBe(false);
    expect(looksLikeWorkspaceKey(`xyz_${'a'.repeat(43)}`)).toBe(false);
  });

  it('compares secrets of any length', () => {
    expect(secretsEqual('admin-key-0123456789', 'admin-key-0123456789')).toBe(true);
    expect(secretsEqual('admin-key-0123456789', 'admin-key-012345678')).toBe(false);
    expect(secretsEqual('', 'x')).toBe(false);
  });
});
