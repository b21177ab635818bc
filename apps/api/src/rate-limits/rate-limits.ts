import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@app/persistence';
import type { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config';
import { Limiter } from './limiter';
import { SharedCounterStore } from './shared-counter.store';

const MINUTE = 60_000;

/**
 * Every rate limit of the api, on counters shared by all replicas (Postgres, synced in batches):
 * requests per caller and per client address (the request gate, through @fastify/rate-limit),
 * failed authentications per address, sign-in attempts per address and failures per email.
 */
@Injectable()
export class RateLimits implements OnModuleInit, OnModuleDestroy {
  readonly store: SharedCounterStore;
  /** Refused keys or sessions per address: past it, unknown credentials are not even looked up. */
  readonly authFailures: Limiter;
  readonly signInPerAddress: Limiter;
  readonly signInFailuresPerEmail: Limiter;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(API_CONFIG) readonly config: ApiConfig,
  ) {
    this.store = new SharedCounterStore(dataSource, {
      syncMs: config.API_RATE_LIMIT_SYNC_MS,
      maxCounters: 200_000,
    });
    this.authFailures = new Limiter(this.store, 'auth-fail', config.API_AUTH_FAILURES_PER_ADDRESS, MINUTE);
    this.signInPerAddress = new Limiter(this.store, 'sign-in', config.API_SIGN_IN_PER_ADDRESS, 15 * MINUTE);
    this.signInFailuresPerEmail = new Limiter(
      this.store,
      'sign-in-fail',
      config.API_SIGN_IN_FAILURES_PER_EMAIL,
      15 * MINUTE,
    );
  }

  onModuleInit(): void {
    this.store.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.stop();
  }
}
