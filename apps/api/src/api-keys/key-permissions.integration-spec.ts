import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@app/testing';
import { ADMIN_KEY, ApiHarness } from '../testing/api-harness';

describe('API keys: permissions, expiry, last use', () => {
  let h: ApiHarness;
  let ws: { id: string };

  beforeAll(async () => {
    h = await ApiHarness.start({ env: { API_KEY_CACHE_TTL_MS: '200' } });
    ws = await h.ok('POST', '/v1/workspaces', ADMIN_KEY, { name: 'Keys' });
  });
  afterAll(() => h?.stop());

  const issue = (body: Record<string, unknown>) =>
    h.call('POST', `/v1/workspaces/${ws.id}/api-keys`, ADMIN_KEY, body);

  it('gives a key only the permissions it was issued with, checked on every route', async () => {
    const reader = (await issue({ name: 'dashboard', permissions: ['read'] })).body;
    expect(reader).toMatchObject({ permissions: ['read'], expiresAt: null, lastUsedAt: null });
    const sender = (await issue({ name: 'crm', permissions: ['read', 'send'] })).body;
    const full = (await issue({ name: 'admin tool' })).body;
    expect(full.permissions).toEqual(['read', 'send', 'manage']);

    const member = await h.ok('POST', '/v1/members', full.key, { firstName: 'Ana', notifySms: true });
    const number = await h.ok('POST', `/v1/workspaces/${ws.id}/phone-numbers`, ADMIN_KEY, {
      number: '+15550003333',
    });
    const send = { phoneNumberId: number.id, memberId: member.id, channel: 'sms', body: 'hello' };

    expect((await h.call('GET', '/v1/members', reader.key)).status).toBe(200);
    const readerWrites = await h.call('POST', '/v1/members', reader.key, { firstName: 'Bo' });
    expect(readerWrites).toMatchObject({ status: 403, body: { message: expect.stringMatching(/"manage"/) } });
    const readerSends = await h.call('POST', '/v1/messages', reader.key, send);
    expect(readerSends).toMatchObject({ status: 403, body: { message: expect.stringMatching(/"send"/) } });

    expect((await h.call('POST', '/v1/messages', sender.key, send)).status).toBe(202);
    expect(
      (await h.call('POST', '/v1/events', sender.key, { type: 'form_submitted', memberId: member.id }))
        .status,
    ).toBe(202);
    expect((await h.call('PATCH', `/v1/members/${member.id}`, sender.key, { notifySms: false })).status).toBe(
      403,
    );
    expect((await h.call('POST', '/v1/workflows', sender.key, { name: 'x', definition: [] })).status).toBe(
      403,
    );
    expect((await h.call('PATCH', `/v1/members/${member.id}`, full.key, { notifySms: false })).status).toBe(
      200,
    );

    const bad = await issue({ permissions: ['read', 'delete'] });
    expect(bad).toMatchObject({ status: 400, body: { message: expect.stringMatching(/permissions/) } });
    expect((await issue({ permissions: [] })).status).toBe(400);
  });

  it('stops accepting a key after its expiry, and refuses an expiry in the past', async () => {
    const soon = new Date(Date.now() + 1_500).toISOString();
    const key = (await issue({ name: 'temp', expiresAt: soon })).body;
    expect(key.expiresAt).toBe(soon);
    expect((await h.call('GET', '/v1/members', key.key)).status).toBe(200);
    await waitFor(async () => (await h.call('GET', '/v1/members', key.key)).status === 401, {
      timeoutMs: 5_000,
      message: 'the key to expire',
    });
    const expired = await h.call('GET', '/v1/members', key.key);
    expect(expired.body.message).toMatch(/expired/);
    const past = await issue({ expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past).toMatchObject({ status: 400, body: { message: expect.stringMatching(/expiresAt/) } });
  });

  it('records when a key was last used', async () => {
    const key = (await issue({ name: 'cron' })).body;
    const before = Date.now();
    await h.ok('GET', '/v1/members', key.key);
    await waitFor(
      async () => {
        const listed = await h.ok('GET', `/v1/workspaces/${ws.id}/api-keys`, ADMIN_KEY);
        const found = listed.items.find((k: { id: string }) => k.id === key.id);
        return found.lastUsedAt !== null && Date.parse(found.lastUsedAt) >= before - 1000;
      },
      { timeoutMs: 5_000, message: 'lastUsedAt to be recorded' },
    );
  });
});

describe('operator keys: several at once, rotated without a restart', () => {
  let dir: string;
  let h: ApiHarness;
  const fileKey = (n: number) => `file-operator-key-${n}-0123456789abcdef`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'operator-keys-'));
    writeFileSync(join(dir, 'keys'), `# operator keys\n${fileKey(1)}\n`);
    h = await ApiHarness.start({
      env: {
        ADMIN_API_KEY: `${ADMIN_KEY}, second-operator-key-0123456789`,
        ADMIN_API_KEY_FILE: join(dir, 'keys'),
        ADMIN_API_KEY_FILE_POLL_MS: '100',
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts every key of the list and of the file, and follows the file when it changes', async () => {
    for (const key of [ADMIN_KEY, 'second-operator-key-0123456789', fileKey(1)])
      expect({ key, status: (await h.call('GET', '/v1/workspaces', key)).status }).toEqual({
        key,
        status: 200,
      });
    // Rotation: the new key is added, callers move, the old one is removed.
    writeFileSync(join(dir, 'keys'), `${fileKey(1)}\n${fileKey(2)}\n`);
    await waitFor(async () => (await h.call('GET', '/v1/workspaces', fileKey(2))).status === 200, {
      timeoutMs: 5_000,
      message: 'the new key to be accepted',
    });
    writeFileSync(join(dir, 'keys'), `${fileKey(2)}\n`);
    await waitFor(async () => (await h.call('GET', '/v1/workspaces', fileKey(1))).status === 401, {
      timeoutMs: 5_000,
      message: 'the old key to be refused',
    });
    expect((await h.call('GET', '/v1/workspaces', fileKey(2))).status).toBe(200);
    // A file that vanishes mid-rotation keeps the keys last read.
    rmSync(join(dir, 'keys'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await h.call('GET', '/v1/workspaces', fileKey(2))).status).toBe(200);
  });
});
