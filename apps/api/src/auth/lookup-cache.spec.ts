import { LookupCache } from './lookup-cache';

describe('LookupCache', () => {
  it('drops the least recently used entry when full, not everything', () => {
    const cache = new LookupCache<{ id: string }>({ max: 3, ttlMs: 60_000, negativeTtlMs: 60_000 });
    cache.set('a', { id: 'a' });
    cache.set('b', { id: 'b' });
    cache.set('c', { id: 'c' });
    cache.get('a');
    cache.set('d', { id: 'd' });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ value: { id: 'a' } });
    expect(cache.get('c')).toEqual({ value: { id: 'c' } });
    expect(cache.get('d')).toEqual({ value: { id: 'd' } });
  });

  it('remembers a miss for its own, shorter time', async () => {
    const cache = new LookupCache<{ id: string }>({ max: 10, ttlMs: 60_000, negativeTtlMs: 30 });
    cache.set('unknown', null);
    cache.set('known', { id: 'k' });
    expect(cache.get('unknown')).toEqual({ value: null });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get('unknown')).toBeUndefined();
    expect(cache.get('known')).toEqual({ value: { id: 'k' } });
  });

  it('caches nothing with a zero time to live, and forgets matching entries', () => {
    const off = new LookupCache<{ id: string }>({ max: 10, ttlMs: 0, negativeTtlMs: 0 });
    off.set('a', { id: 'a' });
    expect(off.get('a')).toBeUndefined();
    const cache = new LookupCache<{ id: string }>({ max: 10, ttlMs: 60_000, negativeTtlMs: 60_000 });
    cache.set('a', { id: 'x' });
    cache.set('b', { id: 'y' });
    cache.forgetWhere((v) => v.id === 'x');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
  });
});
