import { Controller, Get, HttpException, HttpStatus, Inject, Optional, Header } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { NatsConnectionService } from '@app/messaging';
import { renderMetrics } from '@app/telemetry';

export const EXTRA_READINESS = Symbol('EXTRA_READINESS');
export type ReadinessCheck = () => Promise<boolean>;

@Controller()
export class HealthController {
  constructor(
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(EXTRA_READINESS) private readonly extra?: Record<string, ReadinessCheck>,
  ) {}

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /** 200 only when this service's Postgres and NATS answer; 503 names what does not. */
  @Get('health/ready')
  async ready() {
    const checks: Record<string, ReadinessCheck> = { ...(this.extra ?? {}) };
    const nats = this.optional(NatsConnectionService);
    if (nats) checks.nats = () => nats.isReady();
    const dataSource = this.optional(DataSource);
    if (dataSource) {
      checks.postgres = async () => {
        if (!dataSource.isInitialized) return false;
        await dataSource.query('SELECT 1');
        return true;
      };
    }
    const results: Record<string, 'up' | 'down'> = {};
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        const ok = await Promise.race([
          check().catch(() => false),
          new Promise<boolean>((r) => setTimeout(() => r(false), 2_000).unref()),
        ]);
        results[name] = ok ? 'up' : 'down';
      }),
    );
    const ok = Object.values(results).every((r) => r === 'up');
    if (!ok)
      throw new HttpException({ status: 'unavailable', checks: results }, HttpStatus.SERVICE_UNAVAILABLE);
    return { status: 'ok', checks: results };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics() {
    return (await renderMetrics()).body;
  }

  private optional<T>(token: new (...args: never[]) => T): T | undefined {
    try {
      return this.moduleRef.get(token, { strict: false });
    } catch {
      return undefined;
    }
  }
}
