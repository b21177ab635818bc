import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, portOpen, waitFor } from './test-env';

const NATS_BIN = existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server';

export interface PrivateNatsServer {
  url: string;
  port: number;
  /** The server's own output so far (for a test that failed to start it). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A nats-server of the test's own (JetStream, a temporary store, a free port on 127.0.0.1) run with
 * extra configuration, e.g. `npm run nats:config`'s accounts; `env` holds the variables that
 * configuration reads (the users' passwords).
 */
export async function startNatsServer(
  options: { config?: string; env?: Record<string, string> } = {},
): Promise<PrivateNatsServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'test-nats-'));
  const file = join(dir, 'nats.conf');
  writeFileSync(
    file,
    [
      `listen: 127.0.0.1:${port}`,
      `jetstream { store_dir: ${JSON.stringify(join(dir, 'js'))} }`,
      options.config ?? '',
    ].join('\n'),
  );
  let output = '';
  const child: ChildProcess = spawn(NATS_BIN, ['-c', file], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}: ${output}`);
      return portOpen(port);
    },
    { timeoutMs: 30_000, message: 'the private nats-server to listen' },
  );
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
