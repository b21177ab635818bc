import { Inject, Injectable } from '@nestjs/common';
import { PeriodicSweeper } from '@app/runtime';
import { PREFERENCES_CONFIG, type PreferencesConfig } from '../config';
import { MemberCreateKeysRepository } from './member-create-keys.repository';

/**
 * Forgets member-create idempotency keys past MEMBER_CREATE_KEY_TTL_HOURS, hourly on each replica
 * (a delete twice is harmless): a key is a retry's, not a record to keep.
 */
@Injectable()
export class MemberCreateKeysSweeper extends PeriodicSweeper<number> {
  constructor(
    private readonly keys: MemberCreateKeysRepository,
    @Inject(PREFERENCES_CONFIG) private readonly config: PreferencesConfig,
  ) {
    super({ everyMs: 3_600_000, failure: 'Member create keys sweep failed', otherwise: 0, atStart: true });
  }

  /** Answers how many keys went. */
  protected async sweepOnce(now: Date): Promise<number> {
    const deleted = await this.keys.sweep(now, this.config.MEMBER_CREATE_KEY_TTL_HOURS);
    if (deleted) this.logger.log(`Forgot ${deleted} member create key(s) past their time`);
    return deleted;
  }
}
