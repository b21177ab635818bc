// First: tracing (when configured) must patch http, undici and pg before anything loads them.
import '@app/telemetry/register';
import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { EmulatorConfigError, loadEmulatorConfig } from './config';
import { startTwilioEmulator } from './emulator';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

function logLevels(level: string | undefined): LogLevel[] {
  const wanted =
    ({ info: 'log', trace: 'verbose' } as Record<string, LogLevel>)[level ?? ''] ?? (level as LogLevel);
  const index = LEVELS.indexOf(wanted);
  return LEVELS.slice(0, index < 0 ? 4 : index + 1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadEmulatorConfig(process.env);
  } catch (error) {
    if (error instanceof EmulatorConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Route mapping and per-request details stay at debug; one line says where the emulator listens.
  const levels = logLevels(process.env.LOG_LEVEL);
  const emulator = await startTwilioEmulator({
    ...config,
    logLevels: levels.filter((level) => level !== 'log'),
  });
  // Startup is over: restore the wanted levels (the emulator itself logs nothing per request).
  Logger.overrideLogger(levels);
  const logger = new Logger('TwilioEmulator');
  if (levels.includes('log')) {
    logger.log(
      `Twilio emulator for ${config.accountSid} listening on ${config.host}:${emulator.port}; inbound webhook ${config.webhookUrl}`,
    );
  }
  const shutdown = (signal: string) => {
    logger.warn(`${signal} received, closing`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error instanceof Error ? error.message : String(error));
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `twilio-emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
