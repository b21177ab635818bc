// First: tracing (when configured) must patch http, undici and pg before anything loads them.
import '@app/telemetry/register';
import 'reflect-metadata';
import { collectProcessMetrics } from '@app/telemetry';
import { startAllInOne } from './all-in-one';

const SHUTDOWN_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000);

// One process: its metrics are labelled for all of it (the first service would name them otherwise).
collectProcessMetrics('all-in-one');
startAllInOne(process.env).then(
  (running) => {
    for (const part of running.parts) process.stdout.write(`all-in-one: ${part.name} ready at ${part.url}\n`);
    const stop = (signal: string) => {
      process.stdout.write(`all-in-one: ${signal} received: draining\n`);
      // A part still finishing work while another closes (a consumer whose connection went first)
      // may fail late: said, not a crash; the exit code says whether the drain completed.
      const late = (error: unknown) =>
        process.stderr.write(
          `all-in-one: while draining: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      process.on('unhandledRejection', late);
      process.on('uncaughtException', late);
      setTimeout(() => {
        process.stderr.write('all-in-one: shutdown timed out; exiting\n');
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `${error instanceof Error && error.name === 'ConfigError' ? message : `all-in-one failed to start: ${message}`}\n`,
    );
    process.exit(1);
  },
);
