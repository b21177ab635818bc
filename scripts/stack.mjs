// Starts every service and the Twilio emulator from dist/ (one process, or one per service),
// against Postgres and NATS on localhost, with development defaults for whatever the environment does not set.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const SERVICES = [
  { name: 'twilio-emulator', port: 3999 },
  { name: 'ingress', port: 3000 },
  { name: 'api', port: 3001 },
  { name: 'routing', port: 3002 },
  { name: 'preferences', port: 3003 },
  { name: 'chats', port: 3004 },
  { name: 'workflow', port: 3005 },
  { name: 'outbound', port: 3006 },
];

/** Development defaults: the emulator stands in for Twilio unless real credentials are given. */
export function devEnvironment(env = process.env, { portOffset = 0 } = {}) {
  const port = (name) => SERVICES.find((s) => s.name === name).port + portOffset;
  const usingEmulator = !env.TWILIO_ACCOUNT_SID;
  return {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    NATS_URL: 'nats://127.0.0.1:4222',
    LOG_LEVEL: 'info',
    ADMIN_API_KEY: 'dev-admin-key-change-me-0123456789',
    TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
    TWILIO_AUTH_TOKEN: 'dev-auth-token-0123456789abcdef00',
    ...(usingEmulator ? { TWILIO_API_BASE_URL: `http://127.0.0.1:${port('twilio-emulator')}` } : {}),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port('ingress')}`,
    EMULATOR_WEBHOOK_URL: `http://127.0.0.1:${port('ingress')}/twilio/messaging`,
    ...env,
  };
}

/**
 * Starts the stack from dist/: by default every service and the emulator as modules of one Node
 * process (apps/all-in-one); `processes: true` starts one process per service, as containers do.
 * `children` lists each service with its port and the process it runs in.
 */
export function startStack({
  env = devEnvironment(),
  portOffset = 0,
  stdio = 'inherit',
  only,
  schemaPrefix,
  processes = false,
} = {}) {
  const wanted = SERVICES.filter((s) => !only || only.includes(s.name));
  const children = [];
  const spawnMain = (name, extra) =>
    spawn(process.execPath, [join(root, 'dist/apps', name, 'src/main.js')], {
      env: { ...env, ...extra },
      stdio: stdio === 'inherit' ? ['ignore', 'inherit', 'inherit'] : 'ignore',
    });
  if (processes || only) {
    for (const service of wanted) {
      const child = spawnMain(service.name, {
        PORT: String(service.port + portOffset),
        ...(schemaPrefix ? { DB_SCHEMA: `${schemaPrefix}_${service.name.replace(/-/g, '_')}` } : {}),
      });
      children.push({ ...service, port: service.port + portOffset, child });
    }
  } else {
    const child = spawnMain('all-in-one', {
      PORT_OFFSET: String(portOffset),
      ...(schemaPrefix ? { DB_SCHEMA_PREFIX: schemaPrefix } : {}),
    });
    for (const service of wanted) children.push({ ...service, port: service.port + portOffset, child });
  }
  const stop = () =>
    Promise.all(
      [...new Set(children.map(({ child }) => child))].map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode) return resolve();
            child.once('exit', resolve);
            child.kill('SIGTERM');
          }),
      ),
    );
  return { children, stop };
}

export async function waitReady(children, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (const { name, port, child } of children) {
    const path = name === 'twilio-emulator' ? '/health/live' : '/health/ready';
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${name} was not ready on port ${port} in time`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
