import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatActivity, chatActivitySubject, type Chat, type ChatActivityType } from '@app/contracts';
import { aChat, perSuite, waitFor } from '@app/testing';
import { ApiHarness, type TestWorkspace } from '../testing/api-harness';
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

/** Waits until the endpoint's newest delivery is as `ready` wants it, and answers that delivery. */
function newestDelivery(
  h: ApiHarness,
  ws: TestWorkspace,
  endpointId: string,
  ready: (delivery: Delivery) => boolean,
  message: string,
): Promise<Delivery> {
  return waitFor(
    async () => {
      const { items } = await h.ok<{ items: Delivery[] }>(
        'GET',
        `/v1/webhooks/${endpointId}/deliveries`,
        ws.key,
      );
      return items[0] && ready(items[0]) ? items[0] : undefined;
    },
    { message, timeoutMs: 30_000 },
  );
}

/** A real HTTP receiver: records every request; `answer(path)` picks the status per request. */
class Receiver {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, number[]>();
  private readonly server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      this.received.push({ path, headers: req.headers, body });
      const queue = this.answers.get(path);
      const status = queue && queue.length > 1 ? queue.shift()! : (queue?.[0] ?? 200);
      res.writeHead(status).end();
    });
  });

  /** Listening for the tests of one describe block, closed after them. */
  static forSuite(): Receiver {
    return perSuite(
      Receiver,
      async () => {
        const receiver = new Receiver();
        await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
        return receiver;
      },
      (receiver) => receiver.close(),
    );
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }
  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }
  /** Statuses answered in turn on this path (the last one repeats). */
  answer(path: string, ...statuses: number[]): void {
    this.answers.set(path, statuses);
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('api: outgoing webhooks (real Postgres, NATS JetStream and an HTTP receiver)', () => {
  const h = ApiHarness.forSuite({
    workspace: false,
    env: {
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      WEBHOOKS_POLL_MS: '50',
      WEBHOOKS_RETRY_BASE_MS: '100',
      WEBHOOKS_DISABLE_AFTER_MS: '2000',
    },
  });
  const target = Receiver.forSuite();

  const chatOf = (workspaceId: string): Chat => aChat(workspaceId, { channel: 'sms' });

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

  it('pages deliveries newest first by nextCursor and filters them by outcome', async () => {
    const ws = await h.workspace();
    const endpoint = await h.ok('POST', '/v1/webhooks', ws.key, { url: target.url(path()) });
    const chat = chatOf(ws.id);
    const url = `/v1/webhooks/${endpoint.id}/deliveries`;
    const events = [];
    // One at a time: the consumer records events concurrently, and "newest" is the order recorded.
    for (const type of ['chat.opened', 'message.created', 'chat.closed'] as const) {
      events.push(await activity(chat, type));
      await waitFor(
        async () => (await h.ok<{ items: Delivery[] }>('GET', url, ws.key)).items.length === events.length,
        { message: `${type} recorded`, timeoutMs: 30_000 },
      );
    }
    await waitFor(
      async () =>
        (await h.ok<{ items: Delivery[] }>('GET', `${url}?status=delivered`, ws.key)).items.length === 3,
      { message: 'three delivered', timeoutMs: 30_000 },
    );
    const first = await h.ok<{ items: Delivery[]; nextCursor: string | null }>(
      'GET',
      `${url}?limit=2`,
      ws.key,
    );
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await h.ok<{ items: Delivery[]; nextCursor: string | null }>(
      'GET',
      `${url}?limit=2&cursor=${first.nextCursor}`,
      ws.key,
    );
    expect(second).toMatchObject({ nextCursor: null });
    // Every delivery once, newest first across the pages.
    expect([...first.items, ...second.items].map((d) => d.eventId)).toEqual([...events].reverse());
    expect((await h.ok('GET', `${url}?status=pending`, ws.key)).items).toEqual([]);
    const bad = await h.call('GET', `${url}?cursor=not-a-cursor`, ws.key);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/cursor/);
  });

  it('retries a failed delivery with backoff until the endpoint answers 2xx', async () => {
    const ws = await h.workspace();
    const flaky = path();
    target.answer(flaky, 500, 502, 204);
    const endpoint = await h.ok('POST', '/v1/webhooks', ws.key, { url: target.url(flaky) });
    const eventId = await activity(chatOf(ws.id), 'chat.opened');
    const delivered = await newestDelivery(
      h,
      ws,
      endpoint.id,
      (d) => d.status === 'delivered',
      'delivered after retries',
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
  const h = ApiHarness.forSuite({
    workspace: false,
    env: { WEBHOOKS_POLL_MS: '50', WEBHOOKS_RETRY_BASE_MS: '60000' },
  });
  const target = Receiver.forSuite();

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
        chat: aChat(ws.id, { channel: 'sms' }),
        message: null,
        at: new Date().toISOString(),
      },
      { msgId: randomUUID(), subject: chatActivitySubject(ws.id) },
    );
    const failed = await newestDelivery(h, ws, endpoint.id, (d) => d.attempts >= 1, 'an attempt');
    expect(failed).toMatchObject({ status: 'pending', lastStatusCode: null });
    expect(failed.lastError).toMatch(
      /EPRIVATEADDRESS: localhost resolves to (127\.0\.0\.1|::1), a private or loopback address/,
    );
    expect(target.received).toEqual([]);
  });
});
