// The whole system for the end-to-end and outbound parts: every service and the emulator as
// processes from dist/ (like `npm start`), in the run's own namespace, schemas and ports, with
// their logs in bench/results/<run>-services.log.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { devEnvironment, SERVICES } from '../../scripts/stack.mjs';
import { root, sleep, stopChild } from './common.mjs';

/**
 * `allInOne`: the services as modules of one process (what `npm start` runs by default) beside the
 * emulator in its own, so the emulator's CPU stays out of our figures as it does with one process
 * per service. Its one child is named `all-in-one`; `url(name)` still finds every service's port.
 */
export function startBenchStack({
  ns,
  schemaPrefix,
  portOffset,
  logFile,
  extraEnv = {},
  cpuProfDir = null,
  allInOne = false,
}) {
  const env = devEnvironment(
    {
      ...process.env,
      NATS_NAMESPACE: ns,
      LOG_LEVEL: 'warn',
      EMULATOR_STATUS_DELAY_MS: '5',
      // The bench drives senders far past a real number's rate (the emulator takes them).
      MAX_SEND_RATE_PER_SECOND: '10000',
      // The bench creates its members through the API as fast as it can (one key, one address).
      API_RATE_LIMIT_PER_KEY: '1000000',
      API_RATE_LIMIT_PER_ADDRESS: '1000000',
      ...extraEnv,
    },
    { portOffset },
  );
  const log = createWriteStream(logFile, { flags: 'a' });
  const ports = Object.fromEntries(SERVICES.map((s) => [s.name, s.port + portOffset]));
  const processes = allInOne
    ? [
        {
          name: 'all-in-one',
          // Its services share one /metrics (labelled all-in-one): any of their ports serves it.
          port: ports.api,
          main: 'all-in-one',
          env: {
            PORT_OFFSET: String(portOffset),
            DB_SCHEMA_PREFIX: schemaPrefix,
            ALL_IN_ONE_EMULATOR: 'false',
          },
        },
        SERVICES.find((s) => s.name === 'twilio-emulator'),
      ]
    : SERVICES;
  const children = processes.map((service) => {
    const port = service.port + (service.main ? 0 : portOffset);
    // --cpu-prof (NODE_OPTIONS refuses it): each process writes its profile when it exits.
    const prof = cpuProfDir
      ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, `--cpu-prof-name=${service.name}.cpuprofile`]
      : [];
    const main = join(root, 'dist/apps', service.main ?? service.name, 'src/main.js');
    const child = spawn(process.execPath, [...prof, main], {
      cwd: root,
      env: service.env
        ? { ...env, ...service.env }
        : { ...env, PORT: String(port), DB_SCHEMA: `${schemaPrefix}_${service.name.replace(/-/g, '_')}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (d) => {
        log.write(`[${service.name}] ${d}`);
        tail = (tail + d).slice(-3000);
      });
    }
    return { ...service, port, child, tail: () => tail };
  });
  const byName = Object.fromEntries(children.map((c) => [c.name, c]));
  const ofService = (name) => byName[name] ?? byName['all-in-one'];
  return {
    env,
    children,
    byName,
    url: (name) => `http://127.0.0.1:${ports[name]}`,
    async ready(timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      const pending = new Set(SERVICES.map((s) => s.name));
      while (pending.size) {
        for (const name of [...pending]) {
          const c = ofService(name);
          if (c.child.exitCode !== null) {
            throw new Error(`${c.name} exited with code ${c.child.exitCode}: ${lastLine(c.tail())}`);
          }
          const path = name === 'twilio-emulator' ? '/health/live' : '/health/ready';
          try {
            if ((await fetch(`http://127.0.0.1:${ports[name]}${path}`)).ok) pending.delete(name);
          } catch {
            // not yet
          }
        }
        if (pending.size === 0) break;
        if (Date.now() > deadline) throw new Error(`not ready in time: ${[...pending].join(', ')}`);
        await sleep(250);
      }
    },
    /** Services that died since the start, with their last log line. */
    dead() {
      return children
        .filter((c) => c.child.exitCode !== null)
        .map((c) => `${c.name} (exit ${c.child.exitCode}): ${lastLine(c.tail())}`);
    },
    async stop() {
      await Promise.all(children.map((c) => stopChild(c.child, 15_000)));
      log.end();
    },
  };
}

function lastLine(text) {
  const lines = text.trim().split('\n');
  const line = lines.reverse().find((l) => /error|fail|invalid|must/i.test(l)) ?? lines[0] ?? '';
  return line.slice(0, 400);
}

/** A small REST client for the api service. */
export function apiClient(base) {
  return async function call(method, path, key, body) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok)
      throw new Error(`${method} ${path} -> ${res.status}: ${json.message ?? JSON.stringify(json)}`);
    return json;
  };
}

/** Runs `fn` over `items` with at most `concurrency` in flight. */
export async function pool(items, concurrency, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
