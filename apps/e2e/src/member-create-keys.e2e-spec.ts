// POST /v1/members with an Idempotency-Key through the api and the real preferences, and the
// CLI's import through a proxy that loses answers: a create whose answer was lost counts once.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomPhone } from '@app/testing';
import { System } from './system';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'apps/cli/bin/twilio-agents.js');

/**
 * Forwards every request to the api, except that the first answer to a create of one of
 * `losePhones` is thrown away after the api gave it (the connection is cut): the member exists,
 * the client never hears so and tries again.
 */
async function lossyProxy(
  apiUrl: string,
  losePhones: Set<string>,
): Promise<{ url: string; server: Server; lost: string[] }> {
  const lost: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(
            ([name]) => !['host', 'connection', 'content-length'].includes(name),
          ),
        ) as Record<string, string>;
        const answer = await fetch(`${apiUrl}${req.url}`, {
          method: req.method,
          headers,
          body: body.length ? body : undefined,
        });
        const text = Buffer.from(await answer.arrayBuffer());
        const phone =
          req.method === 'POST' && req.url === '/v1/members'
            ? (JSON.parse(body.toString('utf8')) as { phone?: string }).phone
            : undefined;
        if (phone && losePhones.delete(phone)) {
          lost.push(`${answer.status} ${phone}`);
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
        res.end(text);
      })().catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, lost };
}

describe('member creates with an Idempotency-Key (api, preferences, CLI)', () => {
  const system = System.forSuite();

  const post = async (key: string, body: unknown, idempotencyKey?: string) => {
    const res = await fetch(`${system.apiUrl}/v1/members`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      replayed: res.headers.get('idempotent-replayed'),
      body: (await res.json()) as { id: string; phone: string; [field: string]: unknown },
    };
  };
  const membersOf = async (key: string) =>
    (await system.ok<{ items: Array<{ id: string; phone: string }> }>('GET', '/v1/members?limit=1000', key))
      .items;

  it('answers a repeat (one after another or at once) with the same member, flagged Idempotent-Replayed', async () => {
    const ws = await system.workspace();
    const fields = { firstName: 'Dana', phone: randomPhone(), notifyWhatsapp: true };
    const first = await post(ws.key, fields, 'crm-42');
    expect(first).toMatchObject({
      status: 201,
      replayed: null,
      body: { firstName: 'Dana', phone: fields.phone },
    });
    expect(first.body).not.toHaveProperty('replayed');

    const again = await post(ws.key, fields, 'crm-42');
    expect(again).toEqual({ status: 201, replayed: 'true', body: first.body });

    const phone = randomPhone();
    const racing = await Promise.all(Array.from({ length: 8 }, () => post(ws.key, { phone }, 'crm-43')));
    const ids = new Set(racing.map((r) => r.body.id));
    expect(racing.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(ids.size).toBe(1);
    expect(racing.filter((r) => r.replayed === 'true')).toHaveLength(7);
    expect(await membersOf(ws.key)).toHaveLength(2);
  });

  it('refuses the key with other fields (422), changing nothing; keys of two workspaces never meet', async () => {
    const ws = await system.workspace();
    const first = await post(ws.key, { phone: randomPhone(), firstName: 'Ana' }, 'row-7');
    const other = await post(ws.key, { phone: first.body.phone, firstName: 'Anna' }, 'row-7');
    expect(other).toMatchObject({
      status: 422,
      body: { statusCode: 422, message: expect.stringContaining('Idempotency-Key') },
    });
    expect(await system.ok('GET', `/v1/members/${first.body.id}`, ws.key)).toEqual(first.body);
    expect(await membersOf(ws.key)).toHaveLength(1);

    const elsewhere = await system.workspace();
    const theirs = await post(elsewhere.key, { phone: first.body.phone, firstName: 'Ana' }, 'row-7');
    expect(theirs).toMatchObject({ status: 201, replayed: null });
    expect(theirs.body.id).not.toBe(first.body.id);

    const badKey = await post(ws.key, { phone: randomPhone() }, 'has spaces in it');
    expect(badKey).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('Idempotency-Key') },
    });
    expect(await membersOf(ws.key)).toHaveLength(1);
  });

  it('counts a CLI import row whose answer was lost as created, not as already there', async () => {
    const ws = await system.workspace({ name: 'Lossy import' });
    const phones = Array.from({ length: 30 }, () => randomPhone());
    const home = mkdtempSync(join(tmpdir(), 'cli-keys-'));
    const file = join(home, 'members.csv');
    writeFileSync(file, `phone,first name\n${phones.map((p, i) => `${p},Member ${i}`).join('\n')}\n`);
    // Three rows whose first answer never arrives (one of them the very first row).
    const proxy = await lossyProxy(system.apiUrl, new Set([phones[0], phones[11], phones[29]]));
    try {
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          [BIN, 'members', 'import', file, '--concurrency', '4'],
          {
            env: {
              PATH: process.env.PATH ?? '',
              XDG_CONFIG_HOME: join(home, 'config'),
              XDG_DATA_HOME: join(home, 'data'),
              NO_COLOR: '1',
              TWILIO_AGENTS_API_URL: proxy.url,
              TWILIO_AGENTS_API_KEY: ws.key,
            },
          },
          (error, stdout, stderr) =>
            resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      );
      expect(proxy.lost).toEqual(
        expect.arrayContaining(['201 ' + phones[0], '201 ' + phones[11], '201 ' + phones[29]]),
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('30 created, 0 already there, 0 refused');
      const members = await membersOf(ws.key);
      expect(members.map((m) => m.phone).sort()).toEqual([...phones].sort());
    } finally {
      await new Promise((resolve) => proxy.server.close(resolve));
    }
  }, 120_000);
});
