import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Subscription } from '@nats-io/transport-node';
import { MEMBER_CACHE_INVALIDATION_SUBJECT, MemberCacheInvalidation, type Member } from '@app/contracts';
import { decodeText, encodeJson, NatsConnectionService } from '@app/messaging';
import { PREFERENCES_CONFIG, type PreferencesConfig } from '../config';
import { MemberCache } from './member-cache';

/**
 * This replica's member cache, kept honest across replicas: a change made here drops the local
 * copy at once and is broadcast on core NATS so every other replica drops its copy too. A lost
 * broadcast (NATS away for a moment) is bounded by the cache's TTL.
 */
@Injectable()
export class MemberCacheService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MemberCache');
  private readonly instanceId = randomUUID();
  private readonly cache: MemberCache;
  private subscription?: Subscription;

  constructor(
    private readonly connection: NatsConnectionService,
    @Inject(PREFERENCES_CONFIG) config: PreferencesConfig,
  ) {
    this.cache = new MemberCache(config.MEMBER_CACHE_TTL_MS, config.MEMBER_CACHE_MAX_ENTRIES);
  }

  async onModuleInit(): Promise<void> {
    const nc = await this.connection.connect();
    // No queue group: every replica must hear every invalidation.
    this.subscription = nc.subscribe(this.connection.namespace.subject(MEMBER_CACHE_INVALIDATION_SUBJECT), {
      callback: (error, msg) => {
        if (error) return;
        const parsed = safeParse(msg.data);
        if (!parsed) {
          this.logger.warn('Ignoring a malformed member cache invalidation');
          return;
        }
        if (parsed.origin !== this.instanceId) this.cache.invalidate(parsed.workspaceId, parsed.memberId);
      },
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  get(workspaceId: string, memberId: string): Member | undefined {
    return this.cache.get(workspaceId, memberId);
  }

  /** Reads through the cache; `load` runs only on a miss. */
  async read(
    workspaceId: string,
    memberId: string,
    load: () => Promise<Member | null>,
  ): Promise<Member | null> {
    const cached = this.cache.get(workspaceId, memberId);
    if (cached) return cached;
    const mark = this.cache.mark();
    const member = await load();
    if (member) this.cache.fill(member, mark);
    return member;
  }

  /** Call after a change to a member has committed. */
  memberChanged(workspaceId: string, memberId: string): void {
    this.cache.invalidate(workspaceId, memberId);
    const message: MemberCacheInvalidation = { workspaceId, memberId, origin: this.instanceId };
    try {
      this.connection.nc.publish(
        this.connection.namespace.subject(MEMBER_CACHE_INVALIDATION_SUBJECT),
        encodeJson(message),
      );
    } catch (error) {
      // The change is committed; other replicas catch up when their copy expires.
      this.logger.warn(
        `Member cache invalidation not broadcast: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function safeParse(data: Uint8Array): MemberCacheInvalidation | null {
  try {
    const result = MemberCacheInvalidation.safeParse(JSON.parse(decodeText(data)));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
