import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitFor } from './test-env';

export const TEST_ACCOUNT_SID = 'AC00000000000000000000000000000001';
export const TEST_AUTH_TOKEN = 'test-auth-token-0123456789abcdef';

export interface EmulatorProcess {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const root = join(__dirname, '..', '..', '..');

/** The built entry point of an app (`dist/apps/<app>/src/main.js`); throws when it was not built. */
export function builtMain(app: string): string {
  const main = join(root, 'dist/apps', app, 'src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`node scripts/build.mjs\` first`);
  return main;
}

/**
 * Runs the Twilio emulator as its own process from dist/ (`npm run build` first; `npm test`
 * does), the way the services meet it in production: over HTTP only.
 */
export async function startEmulatorProcess(env: Record<string, string> = {}): Promise<EmulatorProcess> {
  const main = builtMain('twilio-emulator');
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      EMULATOR_STATUS_DELAY_MS: '5',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`the Twilio emulator exited (code ${code}) before it answered`)),
    ),
  );
  exited.catch(() => undefined); // once started, its exit is stop()'s business
  try {
    await Promise.race([
      // A loaded CI machine can take a while to start a Node process; an exit ends the wait at once.
      waitFor(async () => (await fetch(`${url}/health/live`)).ok, {
        timeoutMs: 60_000,
        message: 'the Twilio emulator to start',
      }),
      exited,
    ]);
  } catch (error) {
    // Never leave a half-started emulator behind: it would keep Jest from exiting.
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
