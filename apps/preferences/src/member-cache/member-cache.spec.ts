import { randomUUID } from 'node:crypto';
import type { Member } from '@app/contracts';
import { aMember } from '@app/testing';
import { MemberCache } from './member-cache';

const member = (workspaceId = randomUUID()): Member =>
  aMember(workspaceId, { firstName: null, phone: '+15551234567' });

describe('MemberCache', () => {
  let clock = 0;
  const now = () => clock;

  it('answers within the TTL, then forgets', () => {
    const cache = new MemberCache(1000, 10, now);
    const m = member();
    cache.fill(m, cache.mark());
    expect(cache.get(m.workspaceId, m.id)).toBe(m);
    clock += 999;
    expect(cache.get(m.workspaceId, m.id)).toBe(m);
    clock += 1;
    expect(cache.get(m.workspaceId, m.id)).toBeUndefined();
  });

  it('scopes entries by workspace', () => {
    const cache = new MemberCache(1000, 10, now);
    const m = member();
    cache.fill(m, cache.mark());
    expect(cache.get(randomUUID(), m.id)).toBeUndefined();
  });

  it('drops an invalidated member, and ignores a read that raced with an invalidation', () => {
    const cache = new MemberCache(1000, 10, now);
    const m = member();
    cache.fill(m, cache.mark());
    cache.invalidate(m.workspaceId, m.id);
    expect(cache.get(m.workspaceId, m.id)).toBeUndefined();

    const mark = cache.mark();
    cache.invalidate(m.workspaceId, m.id); // an update committed while the read was in flight
    cache.fill(m, mark);
    expect(cache.get(m.workspaceId, m.id)).toBeUndefined();
  });

  it('evicts the least recently used member beyond its size', () => {
    const cache = new MemberCache(1000, 2, now);
    const [a, b, c] = [member(), member(), member()];
    cache.fill(a, cache.mark());
    cache.fill(b, cache.mark());
    cache.get(a.workspaceId, a.id); // a is now more recent than b
    cache.fill(c, cache.mark());
    expect(cache.size).toBe(2);
    expect(cache.get(b.workspaceId, b.id)).toBeUndefined();
    expect(cache.get(a.workspaceId, a.id)).toBe(a);
    expect(cache.get(c.workspaceId, c.id)).toBe(c);
  });

  it('caches nothing with a TTL of 0', () => {
    const cache = new MemberCache(0, 10, now);
    const m = member();
    cache.fill(m, cache.mark());
    expect(cache.get(m.workspaceId, m.id)).toBeUndefined();
  });
});
