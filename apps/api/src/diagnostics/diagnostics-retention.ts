import { Inject, Injectable } from '@nestjs/common';
import { PeriodicSweeper } from '@app/runtime';
import { API_CONFIG, type ApiConfig } from '../config';
import { DiagnosticsStore } from './diagnostics.store';

/**
 * Deletes diagnostics records past DIAGNOSTICS_RETENTION_DAYS every DIAGNOSTICS_SWEEP_MS (each
 * replica; a delete twice is harmless). Reads never show them in between.
 */
@Injectable()
export class DiagnosticsRetention extends PeriodicSweeper<number> {
  constructor(
    private readonly store: DiagnosticsStore,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    super({ everyMs: config.DIAGNOSTICS_SWEEP_MS, failure: 'Diagnostics sweep failed', otherwise: 0 });
  }

  /** Answers how many records went. */
  protected async sweepOnce(): Promise<number> {
    const deleted = await this.store.purge();
    if (deleted) this.logger.log(`Deleted ${deleted} diagnostics record(s) past retention`);
    return deleted;
  }
}
