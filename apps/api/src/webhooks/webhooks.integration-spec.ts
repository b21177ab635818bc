import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatActivity, chatActivitySubject, type Chat, type ChatActivityType } from '@app/contracts';
import { waitFor } from '@app/testing';
import { ApiHarness } from '../testing/api-harness';
import { verifyWebhook } from './webhook-signature';

jest.setTimeout(120_000);

interface Delivery {
  eventId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver: records every request; `answer(path)` picks the status per request. */
async function receiver() {
  const received: Received[] = [];
  const answers = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body });
      const queue = answers.get(path);
      const status = queue && queue.length > 1 ? queue.shift()! : (queue?.[0] ?? 200);
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    port,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** Statuses answered in turn on this path (the last one repeats). */
    answer: (path: string, ...statuses: number[]) => answers.set(path, statuses),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('api: outgoing webhooks (real Postgres, NATS JetStream and an HTTP receiver)', () => {
  let h: ApiHarness;
  let target: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    target = await receiver();
    h = await ApiHarness.start({
      env: {
        WEBHOOKS_ALLOW_PRIVATE: 'true',
        WEBHOOKS_POLL_MS: '50',
        WEBHOOKS_RETRY_BASE_MS: '100',
        WEBHOOKS_DISABLE_AFTER_MS: '2000',
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await target?.close();
  });

  const chatOf = (workspaceId: string): Chat => ({
    id: randomUUID(),
    workspaceId,
    phoneNumberId: randomUUID(),
    memberId: randomUUID(),
    channel: 'sms',
    status: 'open',
    lastMessageAt: null,
    createdAt: new Date().toISOString(),
    heldBy: null,
    waitingSince: null,
    handoffReason: null,
    assignedTo: null,
    unreadCount: 0,
    closesAt: null,
    closedAt: null,
    closedReason: null,
  });

  /** Publishes as the chats service does, on the workspace's subject. */
  const activity = async (chat: Chat, type: ChatActivityType) => {
    const msgId = `activity:${type}:${randomUUID()}`;
    await h.nats.messaging.publish(
      ChatActivity,
      { type, workspaceId: chat.workspaceId, chat, message: null, at: new Date().toISOString() },
      { msgId, subject: chatActivitySubject(chat.workspaceId) },
    );
    return msgId;
  };

  const path = () => `/hooks/${randomUUID()}`;

  it('registers, lists without the secret, changes and deletes endpoints, each workspace its own', async () => {
    const ws = await h.workspace();
    const other = await h.workspace();
    const created = await h.call('POST', '/v1/webhooks', ws.key, {
      url: target.url(path()),
      description: 'CRM',
      events: ['message.created', 'chat.closed', 'chat.closed'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ enabled: true, events: ['message.created', 'chat.closed'] });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const list = await h.ok('GET', '/v1/webhooks', ws.key);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).not.toHaveProperty('secret');
    expect((await h.ok('GET', '/v1/webhooks', other.key)).items).toEqual([]);
    expect((await h.call('GET', `/v1/webhooks/${created.body.id}`, other.key)).status).toBe(404);
    expect((await h.call('DELETE', `/v1/webhooks/${created.body.id}`, other.key)).status).toBe(404);

    const changed = await h.ok('PATCH', `/v1/webhooks/${created.body.id}`, ws.key, { events: [] });
    expect(changed.events).toEqual([]);
    expect((await h.call('POST', '/v1/webhooks', ws.key, { url: 'ftp://x' })).status).toBe(400);
    expect(
      (await h.call('POST', '/v1/webhooks', ws.key, { url: target.url('/'), events: ['nope'] })).status,
    ).toBe(400);
    expect((await h.call('DELETE', `/v1/webhooks/${created.body.id}`, ws.key)).status).toBe(200);
    expect((await h.call('GET', `/v1/webhooks/${created.body.id}`, ws.key)).status).toBe(404);
  });

  it('delivers a signed event to the endpoints that want it, and to no other workspace', async () => {
    const ws = await h.workspace();
    const other = await h.workspace();
    const [all, closedOnly, elsewhere] = [path(), path(), path()];
    const endpoint = await h.ok('POST', '/v1/webhooks', ws.key, { url: target.url(all) });
    await h.ok('POST', '/v1/webhooks', ws.key, { url: target.url(closedOnly), events: ['chat.closed'] });
    await h.ok('POST', '/v1/webhooks', other.key, { url: target.url(elsewhere) });

    const chat = chatOf(ws.id);
    const eventId = await activity(chat, 'message.created');
    await waitFor(() => target.at(all).length === 1, { message: 'the delivery', timeoutMs: 30_000 });
    const [got] = target.at(all);
    expect(verifyWebhook(endpoint.secret, String(got.headers['x-signature']), got.body)).toBe(true);
    expect(verifyWebhook('whsec_other', String(got.headers['x-signature']), got.body)).toBe(false);
    expect(got.headers).toMatchObject({
      'content-type': 'application/json',
      'x-webhook-event': 'message.created',
      'x-webhook-id': eventId,
    });
    expect(JSON.parse(got.body)).toMatchObject({
      id: eventId,
      type: 'message.created',
      workspaceId: ws.id,
      data: { chat: { id: chat.id }, message: null },
    });

    await activity(chat, 'chat.closed');
    await waitFor(() => target.at(closedOnly).length === 1 && target.at(all).length === 2, {
      message: 'chat.closed to both',
      timeoutMs: 30_000,
    });
    expect(target.at(closedOnly).map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual([
      'chat.closed',
    ]);
    expect(target.at(elsewhere)).toEqual([]);

    const deliveries = await h.ok('GET', `/v1/webhooks/${endpoint.id}/deliveries`, ws.key);
    expect(deliveries.items.map((d: { eventType: string }) => d.eventType)).toEqual([
      'chat.closed',
      'message.created',
    ]);
    expect(deliveries.items[1]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
    });
    expect((await h.call('GET', `/v1/webhooks/${endpoint.id}/deliveries`, other.key)).status).toBe(404);
  });

  it('retries a failed delivery with backoff until the endpoint answers 2xx', async () => {
    const ws = await h.workspace();
    const flaky = path();
    target.answer(flaky, 500, 502, 204);
    const endpoint = await h.ok('POST', '/v1/webhooks', ws.key, { url: target.url(flaky) });
    const eventId = await activity(chatOf(ws.id), 'chat.opened');
    const delivered = await waitFor(
      async () => {
        const { items } = await h.ok<{ items: Delivery[] }>(
          'GET',
          `/v1/webhooks/${endpoint.id}/deliveries`,
          ws.key,
        );
        return items[0]?.status === 'delivered' ? items[0] : undefined;
      },
      { message: 'delivered after retries', timeoutMs: 30_000 },
    );
    expect(delivered).toMatchObject({ eventId, attempts: 3, lastStatusCode: 204 });
    // Every attempt carried the same event id: a receiver drops repeats by it.
    expect(new Set(target.at(flaky).map((r) => r.headers['x-webhook-id']))).toEqual(new Set([eventId]));
    expect(target.at(flaky).map((r) => r.headers['x-webhook-attempt'])).toEqual(['1', '2', '3']);
  });

  it('disables an endpoint that keeps failing (WEBHOOKS_DISABLE_AFTER_MS), and turns it back on when asked', async () => {
    const ws = await h.workspace();
    const down = path();
    target.answer(down, 503);
    const endpoint = await h.ok('POST', '/v1/webhooks', ws.key, { url: target.url(down) });
    await activity(chatOf(ws.id), 'chat.opened');
    const disabled = await waitFor(
      async () => {
        const e = await h.ok<{ enabled: boolean; disabledReason: string | null }>(
          'GET',
          `/v1/webhooks/${endpoint.id}`,
          ws.key,
        );
        return e.enabled ? undefined : e;
      },
      { message: 'the endpoint disabled', timeoutMs: 60_000 },
    );
    expect(disabled.disabledReason).toMatch(/^Failing since .*: HTTP 503$/);
    const { items } = await h.ok('GET', `/v1/webhooks/${endpoint.id}/deliveries`, ws.key);
    expect(items[0]).toMatchObject({ status: 'failed', lastStatusCode: 503 });
    expect(items[0].attempts).toBeGreaterThan(1);

    const back = await h.ok('PATCH', `/v1/webhooks/${endpoint.id}`, ws.key, { enabled: true });
    expect(back).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });
});

describe('api: webhooks reach only public addresses unless WEBHOOKS_ALLOW_PRIVATE', () => {
  let h: ApiHarness;
  let target: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    target = await receiver();
    h = await ApiHarness.start({ env: { WEBHOOKS_POLL_MS: '50', WEBHOOKS_RETRY_BASE_MS: '60000' } });
  });
  afterAll(async () => {
    await h?.stop();
    await target?.close();
  });

  it('refuses a private literal address and never connects to a name that resolves to loopback', async () => {
    const ws = await h.workspace();
    for (const url of [
      'https://127.0.0.1/hooks',
      'https://[::1]/hooks',
      'https://10.0.0.8/x',
      target.url('/x'),
    ]) {
      const res = await h.call('POST', '/v1/webhooks', ws.key, { url });
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
    }
    // A name is checked where it matters: the address the socket would connect to.
    const endpoint = await h.ok('POST', '/v1/webhooks', ws.key, {
      url: `https://localhost:${target.port}/hooks`,
    });
    await h.nats.messaging.publish(
      ChatActivity,
      {
        type: 'chat.opened',
        workspaceId: ws.id,
        chat: {
          id: randomUUID(),
          workspaceId: ws.id,
          phoneNumberId: randomUUID(),
          memberId: randomUUID(),
          channel: 'sms',
          status: 'open',
          lastMessageAt: null,
          createdAt: new Date().toISOString(),
          heldBy: null,
          waitingSince: null,
          handoffReason: null,
          assignedTo: null,
          unreadCount: 0,
          closesAt: null,
          closedAt: null,
          closedReason: null,
        },
        message: null,
        at: new Date().toISOString(),
      },
      { msgId: randomUUID(), subject: chatActivitySubject(ws.id) },
    );
    const failed = await waitFor(
      async () => {
        const { items } = await h.ok<{ items: Delivery[] }>(
          'GET',
          `/v1/webhooks/${endpoint.id}/deliveries`,
          ws.key,
        );
        return items[0] && items[0].attempts >= 1 ? items[0] : undefined;
      },
      { message: 'an attempt', timeoutMs: 30_000 },
    );
    expect(failed).toMatchObject({ status: 'pending', lastStatusCode: null });
    expect(failed.lastError).toMatch(
      /EPRIVATEADDRESS: localhost resolves to (127\.0\.0\.1|::1), a private or loopback address/,
    );
    expect(target.received).toEqual([]);
  });
});
