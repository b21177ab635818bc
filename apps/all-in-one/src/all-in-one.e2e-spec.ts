// The all-in-one process (`npm start`'s default): dist/apps/all-in-one/src/main.js started as a
// user's machine would run it, on its own ports, namespace and schemas. A WhatsApp message goes
// through the emulator and the reply comes back, every service answers its health check from the
// one process, and SIGTERM stops it cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES } from '@app/contracts';
import {
  EmulatorClient,
  TEST_DATABASE_URL,
  TEST_NATS_URL,
  freePort,
  randomPhone,
  uniqueNamespace,
  waitFor,
} from '@app/testing';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist/apps/all-in-one/src/main.js');
const ADMIN_KEY = 'all-in-one-admin-key-0123456789abcdef';
const ACCOUNT_SID = 'AC00000000000000000000000000000042';
const AUTH_TOKEN = 'all-in-one-auth-token-0123456789';
const PARTS = ['twilio-emulator', ...SERVICES];

describe('all-in-one: every service in one Node process', () => {
  let child: ChildProcess;
  let output = '';
  const ports: Record<string, number> = {};
  const url = (part: string) => `http://127.0.0.1:${ports[part]}`;

  beforeAll(async () => {
    for (const part of PARTS) ports[part] = await freePort();
    const namespace = uniqueNamespace();
    child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        ...Object.fromEntries(
          PARTS.map((p) => [`PORT_${p.toUpperCase().replace(/-/g, '_')}`, String(ports[p])]),
        ),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NATS_URL: TEST_NATS_URL,
        NATS_NAMESPACE: namespace,
        DATABASE_URL: TEST_DATABASE_URL,
        DB_SCHEMA_PREFIX: namespace,
        ADMIN_API_KEY: ADMIN_KEY,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_API_BASE_URL: `http://127.0.0.1:${ports['twilio-emulator']}`,
        PUBLIC_BASE_URL: `http://127.0.0.1:${ports.ingress}`,
        EMULATOR_WEBHOOK_URL: `http://127.0.0.1:${ports.ingress}/twilio/messaging`,
        SHUTDOWN_TIMEOUT_MS: '90000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`all-in-one exited (${child.exitCode}): ${output}`);
        return PARTS.every((p) => output.includes(`all-in-one: ${p} ready at`));
      },
      { message: 'every part ready', timeoutMs: 180_000, intervalMs: 200 },
    );
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });

  const api = async (method: string, path: string, key: string, body?: unknown) => {
    const res = await fetch(`${url('api')}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json().catch(() => ({}))) as { id: string; key: string };
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  it('answers a WhatsApp message through the emulator, and every service is ready in the one process', async () => {
    for (const part of PARTS.filter((p) => p !== 'twilio-emulator')) {
      const ready = await fetch(`${url(part)}/health/ready`);
      expect({ part, status: ready.status }).toEqual({ part, status: 200 });
    }
    const workspace = await api('POST', '/v1/workspaces', ADMIN_KEY, { name: 'All in one' });
    await api('PUT', `/v1/workspaces/${workspace.id}/features/whatsapp`, ADMIN_KEY);
    const { key } = await api('POST', `/v1/workspaces/${workspace.id}/api-keys`, ADMIN_KEY);
    const workflow = await api('POST', '/v1/workflows', key, {
      name: 'Echo',
      definition: [{ reply: '{{brand.name}} heard: {{message.body}}' }],
    });
    const number = randomPhone();
    const emulator = new EmulatorClient(url('twilio-emulator'));
    await emulator.control('/emulator/numbers', { number });
    await api('POST', `/v1/workspaces/${workspace.id}/phone-numbers`, ADMIN_KEY, {
      number,
      smsEnabled: true,
      whatsappEnabled: true,
      brandName: 'One Process',
      defaultWorkflowId: workflow.id,
    });
    const phone = randomPhone();
    const sent = await emulator.inbound({ from: phone, to: number, body: 'Hello', channel: 'whatsapp' });
    expect(sent.status).toBe(200);
    const [reply] = await waitFor(
      async () => {
        const messages = await emulator.messages({ to: `whatsapp:${phone}` });
        return messages.length ? messages : undefined;
      },
      { message: 'the reply at the emulator', timeoutMs: 60_000 },
    );
    expect(reply.body).toBe('One Process heard: Hello');
    // One process holds them all: its resident memory, for the record (the bench measures it).
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    process.stdout.write(
      `all-in-one: resident memory ${Math.round(Number(rss) / 1024)} MB after one message\n`,
    );
  });

  it('drains and exits 0 on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    // The process's own words name what did not close, when it does not exit 0.
    expect({ code: await exited, output: (await exited) === 0 ? '' : output.slice(-4000) }).toEqual({
      code: 0,
      output: '',
    });
    expect(output).toContain('all-in-one: SIGTERM received: draining');
    process.stdout.write(
      `${output
        .split('\n')
        .filter((l) => l.includes('took'))
        .join('\n')}\n`,
    );
    await expect(fetch(`${url('api')}/health/live`)).rejects.toThrow();
  });
});
