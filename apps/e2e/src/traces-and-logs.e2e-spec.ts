// Auto-instrumentation and trace ids in logs, as deployed: every service runs as its own process
// from dist/ (module patching needs Node's own loader, which jest replaces), exporting OTLP/HTTP
// to a collector played by this test. One inbound message's trace shows the webhook's HTTP span,
// the NATS hops and Postgres statements, and a log line of each service carries its trace id.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { SERVICES } from '@app/contracts';
import {
  EmulatorClient,
  TEST_DATABASE_URL,
  TEST_NATS_URL,
  randomPhone,
  uniqueNamespace,
  waitFor,
} from '@app/testing';

const ROOT = join(__dirname, '..', '..', '..');
const ACCOUNT_SID = 'AC0000000000000000000000000000e2e1';
const AUTH_TOKEN = 'e2e-auth-token-traces-0123456789';
const ADMIN_KEY = 'e2e-admin-key-traces-0123456789ab';

interface OtlpSpan {
  service: string;
  scope: string;
  traceId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** An OTLP/HTTP (JSON) trace receiver. */
function collector(spans: OtlpSpan[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        const data = JSON.parse(body) as {
          resourceSpans: {
            resource: { attributes: { key: string; value: { stringValue?: string } }[] };
            scopeSpans: {
              scope: { name: string };
              spans: {
                traceId: string;
                name: string;
                kind: number;
                attributes?: { key: string; value: Record<string, unknown> }[];
              }[];
            }[];
          }[];
        };
        for (const rs of data.resourceSpans) {
          const service =
            rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const ss of rs.scopeSpans)
            for (const span of ss.spans)
              spans.push({
                service,
                scope: ss.scope.name,
                traceId: span.traceId,
                name: span.name,
                kind: span.kind,
                attributes: Object.fromEntries(
                  (span.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]]),
                ),
              });
        }
      } catch {
        // not JSON: ignored (the exporter sends JSON)
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe('traces and logs across the deployed services', () => {
  const spans: OtlpSpan[] = [];
  const logs = new Map<string, string[]>();
  const children: ChildProcess[] = [];
  let receiver: Server;
  const ports: Record<string, number> = {};

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/apps/ingress/src/main.js')))
      throw new Error('build first: node scripts/build.mjs');
    const otlp = await collector(spans);
    receiver = otlp.server;
    const names = ['twilio-emulator', ...SERVICES];
    for (const name of names) ports[name] = await freePort();
    const namespace = uniqueNamespace();
    const base = {
      PATH: process.env.PATH ?? '',
      NATS_URL: TEST_NATS_URL,
      NATS_NAMESPACE: namespace,
      DATABASE_URL: TEST_DATABASE_URL,
      LOG_LEVEL: 'debug',
      HOST: '127.0.0.1',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: `http://127.0.0.1:${ports['twilio-emulator']}`,
      PUBLIC_BASE_URL: `http://127.0.0.1:${ports.ingress}`,
      EMULATOR_WEBHOOK_URL: `http://127.0.0.1:${ports.ingress}/twilio/messaging`,
      ADMIN_API_KEY: ADMIN_KEY,
    };
    for (const name of names) {
      const child = spawn(process.execPath, [join(ROOT, 'dist/apps', name, 'src/main.js')], {
        env: { ...base, PORT: String(ports[name]), DB_SCHEMA: `${namespace}_${name.replace(/-/g, '_')}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const lines: string[] = [];
      logs.set(name, lines);
      let rest = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const text = rest + chunk.toString('utf8');
        const parts = text.split('\n');
        rest = parts.pop() ?? '';
        lines.push(...parts);
      });
      child.stderr.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
      children.push(child);
    }
    for (const name of names)
      await waitFor(
        async () => {
          const path = name === 'twilio-emulator' ? '/health/live' : '/health/ready';
          return (await fetch(`http://127.0.0.1:${ports[name]}${path}`).catch(() => undefined))?.ok;
        },
        { timeoutMs: 400_000, message: `${name} ready (${logs.get(name)?.slice(-3).join(' | ')})` },
      );
  }, 600_000);

  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('shows HTTP, NATS and Postgres spans in one trace, and every hop logs its trace id', async () => {
    const api = `http://127.0.0.1:${ports.api}`;
    const call = async (method: string, path: string, key: string, body?: unknown) => {
      const res = await fetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, string>;
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const ws = await call('POST', '/v1/workspaces', ADMIN_KEY, { name: 'Traces' });
    const { key } = await call('POST', `/v1/workspaces/${ws.id}/api-keys`, ADMIN_KEY, { name: 'traces' });
    const workflow = await call('POST', '/v1/workflows', key, {
      name: 'Echo',
      definition: [{ reply: 'traced' }],
    });
    const number = randomPhone();
    const emulator = new EmulatorClient(`http://127.0.0.1:${ports['twilio-emulator']}`);
    await emulator.control('/emulator/numbers', { number });
    await call('POST', `/v1/workspaces/${ws.id}/phone-numbers`, ADMIN_KEY, {
      number,
      smsEnabled: true,
      defaultWorkflowId: workflow.id,
    });
    const phone = randomPhone();
    const sent = (await (
      await fetch(`http://127.0.0.1:${ports['twilio-emulator']}/emulator/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: phone, to: number, body: 'trace me', channel: 'sms' }),
      })
    ).json()) as { status: number };
    expect(sent.status).toBe(200);

    const hops = ['ingress', 'routing', 'chats', 'workflow', 'outbound'];
    const traceId = await waitFor(
      () => {
        const webhook = spans.find(
          (s) => s.service === 'ingress' && s.scope.includes('instrumentation-http') && s.kind === 2,
        );
        if (!webhook) return undefined;
        const trace = spans.filter((s) => s.traceId === webhook.traceId);
        const processed = new Set(trace.filter((s) => s.name.endsWith(' process')).map((s) => s.service));
        const pg = trace.some((s) => s.scope.includes('instrumentation-pg'));
        const reply = trace.some(
          // The Twilio call: outbound's Twilio client sends through undici (its own instrumentation).
          (s) => s.service === 'outbound' && s.scope.includes('instrumentation-undici') && s.kind === 3,
        );
        return hops.slice(1).every((h) => processed.has(h)) && pg && reply ? webhook.traceId : undefined;
      },
      { timeoutMs: 90_000, message: 'one trace with the webhook, every hop, Postgres and the Twilio call' },
    );
    const trace = spans.filter((s) => s.traceId === traceId);
    // HTTP: the webhook at ingress (server) and the Twilio REST call from outbound (client).
    expect(
      trace.some((s) => s.service === 'ingress' && s.kind === 2 && s.scope.includes('instrumentation-http')),
    ).toBe(true);
    expect(
      trace.some(
        (s) => s.service === 'outbound' && s.kind === 3 && s.scope.includes('instrumentation-undici'),
      ),
    ).toBe(true);
    // NATS: our own spans, published at ingress and processed at every hop.
    expect(trace.some((s) => s.service === 'ingress' && s.name === 'inbound.message.received publish')).toBe(
      true,
    );
    // Postgres: statements, without their values (no phone numbers or bodies).
    const pgSpans = trace.filter((s) => s.scope.includes('instrumentation-pg'));
    expect(new Set(pgSpans.map((s) => s.service)).size).toBeGreaterThanOrEqual(3);
    const attributes = JSON.stringify(trace.map((s) => s.attributes));
    expect(attributes).not.toContain(phone.slice(1));
    expect(attributes).not.toContain('trace me');
    // Logs: a line of each service in the trace carries its id.
    for (const service of hops)
      await waitFor(
        () =>
          logs.get(service)!.some((line) => {
            try {
              return (JSON.parse(line) as { traceId?: string }).traceId === traceId;
            } catch {
              return false;
            }
          }),
        { timeoutMs: 30_000, message: `a log line of ${service} with trace id ${traceId}` },
      );
  }, 180_000);
});
