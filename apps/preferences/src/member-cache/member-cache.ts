import type { Member } from '@app/contracts';

interface Entry {
  member: Member;
  expiresAt: number;
}

/**
 * Members by workspace and id for a few seconds, least recently used dropped first. A read from
 * the database that raced with an invalidation is not cached: `mark()` before the read, `fill()`
 * after it, and any invalidation in between makes the fill a no-op (it may hold the old state).
 */
export class MemberCache {
  private readonly entries = new Map<string, Entry>();
  private epoch = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(workspaceId: string, memberId: string): Member | undefined {
    const key = cacheKey(workspaceId, memberId);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.member;
  }

  mark(): number {
    return this.epoch;
  }

  fill(member: Member, mark: number): void {
    if (mark !== this.epoch || this.ttlMs <= 0) return;
    const key = cacheKey(member.workspaceId, member.id);
    this.entries.delete(key);
    this.entries.set(key, { member, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  invalidate(workspaceId: string, memberId: string): void {
    this.epoch++;
    this.entries.delete(cacheKey(workspaceId, memberId));
  }
}

const cacheKey = (workspaceId: string, memberId: string) => `${workspaceId}:${memberId}`;
