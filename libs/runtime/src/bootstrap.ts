import { type DynamicModule, type INestApplication, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { connectJetStream, type JetStreamServer } from '@app/messaging';
import { collectProcessMetrics, startTracing } from '@app/telemetry';
import { HealthController } from './health.controller';
import { countHttpRequests } from './http-metrics';
import { createLogger, PinoNestLogger } from './logger';
import { ErrorLogFilter } from './error-log.filter';
import { trimHeapWhenIdle } from './idle-heap';

export interface ServiceOptions {
  /** e.g. 'routing': names logs, metrics, the NATS consumers and queue group. */
  service: string;
  /** The service's root module, built from its validated config. */
  module: Type | DynamicModule;
  port: number;
  host: string;
  logLevel: string;
  /** Attach the JetStream transport (every service but the emulator). */
  messaging?: boolean;
  otlpEndpoint?: string;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Extra setup before listening (OpenAPI docs, raw body parsers...). */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
  /** Stop after this long even if in-flight work has not finished. */
  shutdownTimeoutMs?: number;
  /**
   * Addresses and CIDRs of the proxies in front of the service: only their X-Forwarded-For, -Proto
   * and -Host change `request.ip`, `.protocol` and `.host`. Empty or unset: nobody's.
   */
  trustedProxies?: string[];
}

export interface RunningService {
  app: NestFastifyApplication;
  url: string;
  port: number;
  logger: Logger;
  server?: JetStreamServer;
  /** How long a shutdown may take before the process gives up on in-flight work (runService). */
  shutdownTimeoutMs: number;
  close(): Promise<void>;
}

@Module({ controllers: [HealthController] })
export class HealthModule {}

/**
 * Boots one service: JSON logs, health and metrics endpoints (HTTP requests counted by route
 * and status class), the JetStream transport, HTTP, and the heap trimmed when idle (idle-heap.ts).
 * `startService` boots a service from its definition; tests that assemble a module of their
 * own call this directly.
 */
export async function bootService(options: ServiceOptions): Promise<RunningService> {
  startTracing({ serviceName: options.service, otlpEndpoint: options.otlpEndpoint });
  collectProcessMetrics(options.service);
  const logger = createLogger(options.service, options.logLevel);
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustedProxies?.length ? options.trustedProxies : false,
  });
  @Module({ imports: [options.module, HealthModule] })
  class ServiceRootModule {}
  const app = await NestFactory.create<NestFastifyApplication>(ServiceRootModule, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.useGlobalFilters(new ErrorLogFilter(logger));
  countHttpRequests(app.getHttpAdapter().getInstance());
  const server = options.messaging === false ? undefined : await connectJetStream(app);
  await options.configure?.(app);
  await app.startAllMicroservices();
  await app.listen(options.port, options.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  logger.info({ port }, `${options.service} listening`);
  const stopTrimming = trimHeapWhenIdle();
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= app.close().finally(stopTrimming));
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  return { app, url: `http://127.0.0.1:${port}`, port, logger, server, shutdownTimeoutMs, close };
}

/**
 * Keeps a started service running: on SIGTERM/SIGINT it stops taking work, finishes what is in
 * flight, drains NATS and exits. Configuration errors print one line and exit 1.
 */
export async function runService(start: () => Promise<RunningService>): Promise<void> {
  let running: RunningService;
  try {
    running = await start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `${error instanceof Error && error.name === 'ConfigError' ? message : `Failed to start: ${message}`}\n`,
    );
    process.exit(1);
  }
  const stop = (signal: string) => {
    running.logger.info(`${signal} received: draining`);
    // Only the process gives up on a slow shutdown: a test that closes a service just waits.
    setTimeout(() => {
      running.logger.error('Shutdown timed out; exiting');
      process.exit(1);
    }, running.shutdownTimeoutMs).unref();
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

export type { INestApplication };
