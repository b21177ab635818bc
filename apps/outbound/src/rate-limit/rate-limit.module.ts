import { Module } from '@nestjs/common';
import { PostgresSendRateLimiter } from './postgres-send-rate-limiter';
import { SEND_RATE_LIMITER } from './send-rate-limiter';

/** The per-sender rate limit, behind SendRateLimiter so another store (or a benchmark) can stand in. */
@Module({
  providers: [{ provide: SEND_RATE_LIMITER, useClass: PostgresSendRateLimiter }],
  exports: [SEND_RATE_LIMITER],
})
export class RateLimitModule {}
