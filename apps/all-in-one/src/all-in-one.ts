import { startApi } from '@apps/api';
import { startChats } from '@apps/chats';
import { startIngress } from '@apps/ingress';
import { startOutbound } from '@apps/outbound';
import { startPreferences } from '@apps/preferences';
import { startRouting } from '@apps/routing';
import { loadEmulatorConfig, startTwilioEmulator } from '@apps/twilio-emulator';
import { startWorkflow } from '@apps/workflow';

type Env = Record<string, string | undefined>;

/** One part of the process: a service (or the emulator) on its own port, as in `npm start`'s table. */
export interface Part {
  name: string;
  url: string;
  close(): Promise<void>;
}

export interface AllInOne {
  parts: Part[];
  /** Edge first (no new work), then the consumers, the emulator last. */
  close(): Promise<void>;
}

/** Default ports: the same as one process per service (scripts/stack.mjs). */
export const DEFAULT_PORTS: Record<string, number> = {
  'twilio-emulator': 3999,
  ingress: 3000,
  api: 3001,
  routing: 3002,
  preferences: 3003,
  chats: 3004,
  workflow: 3005,
  outbound: 3006,
};

const SERVICES = {
  ingress: startIngress,
  routing: startRouting,
  preferences: startPreferences,
  chats: startChats,
  workflow: startWorkflow,
  outbound: startOutbound,
  api: startApi,
};

const upperSnake = (name: string) => name.toUpperCase().replace(/-/g, '_');

/**
 * A part's environment: the process's, with its own port (`PORT_<NAME>`, else the table plus
 * `PORT_OFFSET`) and its own schema (`DB_SCHEMA_PREFIX` gives `<prefix>_<name>`; otherwise each
 * service's default, its name). A process-wide PORT or DB_SCHEMA would put every part on one.
 */
export function partEnv(env: Env, name: string): Env {
  const { PORT: _port, DB_SCHEMA: _schema, ...shared } = env;
  const port = env[`PORT_${upperSnake(name)}`] ?? String(DEFAULT_PORTS[name] + Number(env.PORT_OFFSET ?? 0));
  const prefix = env.DB_SCHEMA_PREFIX;
  return { ...shared, PORT: port, ...(prefix ? { DB_SCHEMA: `${prefix}_${name.replace(/-/g, '_')}` } : {}) };
}

/**
 * Every service as modules of this one process, each with its own Nest application, port, NATS
 * connection and Postgres pool: the same code and the same guarantees as one process per service
 * (they still meet only over NATS), for a laptop or a small machine. The emulator runs too unless
 * ALL_IN_ONE_EMULATOR=false. Started as a deployment rolls out: consumers, then the edges.
 */
export async function startAllInOne(env: Env = process.env): Promise<AllInOne> {
  const parts: Part[] = [];
  const close = async () => {
    const edges = parts.filter((p) => p.name === 'ingress' || p.name === 'api');
    const emulator = parts.filter((p) => p.name === 'twilio-emulator');
    const consumers = parts.filter((p) => !edges.includes(p) && !emulator.includes(p));
    for (const group of [edges, consumers, emulator])
      await Promise.allSettled(
        group.map(async (p) => {
          const started = Date.now();
          await p.close();
          const ms = Date.now() - started;
          // A slow part is named: what held it (a connection, a consumer) is the next question.
          if (ms > 2_000) process.stderr.write(`all-in-one: ${p.name} took ${ms} ms to close\n`);
        }),
      );
  };
  try {
    if (env.ALL_IN_ONE_EMULATOR !== 'false') {
      const config = loadEmulatorConfig(partEnv(env, 'twilio-emulator'));
      const emulator = await startTwilioEmulator(config);
      parts.push({ name: 'twilio-emulator', url: emulator.url, close: () => emulator.close() });
    }
    const start = async (name: keyof typeof SERVICES) => {
      const running = await SERVICES[name](partEnv(env, name));
      parts.push({ name, url: running.url, close: () => running.close() });
    };
    await Promise.all((['routing', 'preferences', 'chats', 'workflow', 'outbound'] as const).map(start));
    await start('ingress');
    await start('api');
  } catch (error) {
    await close();
    throw error;
  }
  return { parts, close };
}
