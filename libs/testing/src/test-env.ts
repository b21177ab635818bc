import { randomBytes } from 'node:crypto';
import { createConnection, createServer } from 'node:net';

/**
 * A prefix unique to this test file: NATS subjects and streams, and Postgres schemas, start with
 * it, so parallel runs and parallel files never collide. The global teardown removes this run's.
 */
export function uniqueNamespace(): string {
  const run = process.env.TEST_RUN_ID ?? 'local';
  return `jt${run}${randomBytes(3).toString('hex')}`.toLowerCase();
}

export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** The environment a service under test gets: its own namespace and schema, quiet logs. */
export function serviceEnv(
  namespace: string,
  service: string,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    NATS_URL: TEST_NATS_URL,
    NATS_NAMESPACE: namespace,
    DATABASE_URL: TEST_DATABASE_URL,
    DB_SCHEMA: `${namespace}_${service.replace(/-/g, '_')}`,
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...extra,
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** True once something accepts TCP connections on the port (a server the test started is up). */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Polls until `check` returns a truthy value (which it resolves to) or the deadline passes.
 * Tests wait for asynchronous effects this way, never with fixed sleeps.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out waiting for ${options.message ?? 'condition'}${reason}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 50));
  }
}

/** Asserts that a condition stays false for a while (e.g. nothing was sent). */
export async function staysFalse(check: () => boolean | Promise<boolean>, forMs = 500): Promise<boolean> {
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    if (await check()) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
