// The all-in-one process (`npm start`'s default): every service and the emulator as modules of
// one Node process. How long it takes to be ready, and its resident memory once idle.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { devEnvironment, SERVICES } from '../../scripts/stack.mjs';
import { log, root, round, settledRssMiB, sleep, stopChild } from '../lib/common.mjs';

const GOAL_MIB = 300;

export async function benchAllInOne({ ns, schemaPrefix, portOffset, logFile }) {
  const env = devEnvironment(
    { ...process.env, NATS_NAMESPACE: ns, LOG_LEVEL: 'warn', DB_SCHEMA_PREFIX: schemaPrefix },
    { portOffset },
  );
  const out = createWriteStream(logFile, { flags: 'a' });
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/apps/all-in-one/src/main.js')], {
    cwd: root,
    env: { ...env, PORT_OFFSET: String(portOffset) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => out.write(`[all-in-one] ${d}`));
  child.stderr.on('data', (d) => out.write(`[all-in-one] ${d}`));
  try {
    const deadline = Date.now() + 180_000;
    for (const service of SERVICES) {
      const path = service.name === 'twilio-emulator' ? '/health/live' : '/health/ready';
      for (;;) {
        if (child.exitCode !== null) throw new Error(`all-in-one exited with code ${child.exitCode}`);
        try {
          if ((await fetch(`http://127.0.0.1:${service.port + portOffset}${path}`)).ok) break;
        } catch {
          // not yet
        }
        if (Date.now() > deadline) throw new Error(`all-in-one: ${service.name} not ready in time`);
        await sleep(250);
      }
    }
    const startupMs = round(performance.now() - started, 0);
    const { all: idleMiB } = await settledRssMiB({ all: child.pid });
    log(`all-in-one: ready in ${startupMs} ms, ${idleMiB} MiB idle`);
    return { startupMs, idleMiB, goalMiB: GOAL_MIB, met: idleMiB !== null && idleMiB <= GOAL_MIB };
  } finally {
    await stopChild(child, 15_000);
    out.end();
  }
}
