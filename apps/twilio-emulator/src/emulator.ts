import type { AddressInfo } from 'node:net';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { TwilioEmulatorModule } from './app.module';
import {
  accountSidSchema,
  authTokenSchema,
  DEFAULTS,
  EmulatorConfigError,
  type EmulatorConfig,
} from './config';

export interface TwilioEmulatorOptions {
  /** Default 3999; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (main.ts uses HOST, default 0.0.0.0). */
  host?: string;
  accountSid?: string;
  authToken?: string;
  /** Default webhook for `/emulator/inbound`. */
  webhookUrl?: string;
  /** Pause between status steps, in ms (default 5). */
  statusDelayMs?: number;
  maxMessages?: number;
  /** Nest log levels (default errors and warnings only). */
  logLevels?: LogLevel[];
}

export interface RunningTwilioEmulator {
  /** Base URL to use as `apiBaseUrl` / `TWILIO_API_BASE_URL` (`http://127.0.0.1:<port>`). */
  url: string;
  port: number;
  accountSid: string;
  authToken: string;
  config: EmulatorConfig;
  close(): Promise<void>;
}

/** Starts the emulator in this process. */
export async function startTwilioEmulator(
  options: TwilioEmulatorOptions = {},
): Promise<RunningTwilioEmulator> {
  const config = resolveOptions(options);
  const app = await NestFactory.create<NestFastifyApplication>(
    TwilioEmulatorModule.forRoot(config),
    new FastifyAdapter({ logger: false, bodyLimit: 5 * 1024 * 1024, forceCloseConnections: true }),
    { logger: options.logLevels ?? ['fatal', 'error', 'warn'], abortOnError: false },
  );
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    accountSid: config.accountSid,
    authToken: config.authToken,
    config: { ...config, port },
    close: () => (closing ??= app.close()),
  };
}

function resolveOptions(options: TwilioEmulatorOptions): EmulatorConfig {
  const config: EmulatorConfig = {
    port: options.port ?? DEFAULTS.port,
    host: options.host ?? '127.0.0.1',
    accountSid: options.accountSid ?? DEFAULTS.accountSid,
    authToken: options.authToken ?? DEFAULTS.authToken,
    webhookUrl: options.webhookUrl ?? DEFAULTS.webhookUrl,
    statusDelayMs: options.statusDelayMs ?? DEFAULTS.statusDelayMs,
    maxMessages: options.maxMessages ?? DEFAULTS.maxMessages,
  };
  if (!accountSidSchema.safeParse(config.accountSid).success) {
    throw new EmulatorConfigError(
      `Invalid accountSid ${JSON.stringify(config.accountSid)}: expected "AC" followed by 32 letters or digits`,
    );
  }
  if (!authTokenSchema.safeParse(config.authToken).success) {
    throw new EmulatorConfigError('Invalid authToken: expected at least 8 characters');
  }
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
    throw new EmulatorConfigError(`Invalid port ${config.port}: expected an integer from 0 to 65535`);
  }
  if (!Number.isInteger(config.statusDelayMs) || config.statusDelayMs < 0) {
    throw new EmulatorConfigError(
      `Invalid statusDelayMs ${config.statusDelayMs}: expected a non-negative integer`,
    );
  }
  return config;
}
