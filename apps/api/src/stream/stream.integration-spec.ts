import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ChatActivity, chatActivitySubject, type Chat, type ChatActivityType } from '@app/contracts';
import { aChat, SseReader, waitFor } from '@app/testing';
import { ApiHarness } from '../testing/api-harness';

jest.setTimeout(120_000);

const REPLAY_MAX = 50;

describe('api: GET /v1/stream, live chat activity (real NATS JetStream)', () => {
  let h: ApiHarness;
  const readers: SseReader[] = [];

  beforeAll(async () => {
    h = await ApiHarness.start({
      env: {
        API_STREAM_MAX_BUFFERED_BYTES: String(64 * 1024),
        API_STREAM_REPLAY_MAX: String(REPLAY_MAX),
        API_STREAM_HEARTBEAT_MS: '500',
      },
    });
  });
  afterAll(async () => {
    for (const r of readers) r.close();
    await h?.stop();
  });

  const chatOf = (workspaceId: string): Chat => aChat(workspaceId);

  /** Publishes as the chats service does: on the workspace's subject; `n` goes in the chat's unread count. */
  const publish = (chat: Chat, n: number, type: ChatActivityType = 'chat.read', padding = 0) =>
    h.nats.messaging.publish(
      ChatActivity,
      {
        type,
        workspaceId: chat.workspaceId,
        chat: { ...chat, unreadCount: n, handoffReason: padding ? 'x'.repeat(padding) : null },
        message: null,
        at: new Date().toISOString(),
      },
      { msgId: randomUUID(), subject: chatActivitySubject(chat.workspaceId) },
    );

  const open = async (key: string, headers: Record<string, string> = {}) => {
    const reader = await SseReader.open(`${h.api.url}/v1/stream`, {
      authorization: `Bearer ${key}`,
      ...headers,
    });
    readers.push(reader);
    expect(reader.status).toBe(200);
    return reader;
  };
  const counts = (r: SseReader) => r.data('chat.read').map((e: { chat: Chat }) => e.chat.unreadCount);

  it("streams a workspace's events in order, with increasing ids, and none of another workspace's", async () => {
    const [a, b] = [await h.workspace(), await h.workspace()];
    const [chatA, chatB] = [chatOf(a.id), chatOf(b.id)];
    const readerA = await open(a.key);
    const readerB = await open(b.key);
    await waitFor(() => readerA.comments > 0, { message: 'a heartbeat' });
    for (let n = 1; n <= 20; n++) {
      await publish(chatA, n);
      if (n % 4 === 0) await publish(chatB, 100 + n);
    }
    await waitFor(() => counts(readerA).length === 20, { message: "A's 20 events" });
    await waitFor(() => counts(readerB).length === 5, { message: "B's 5 events" });
    expect(counts(readerA)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(counts(readerB)).toEqual([104, 108, 112, 116, 120]);
    const ids = readerA.events.filter((e) => e.event === 'chat.read').map((e) => Number(e.id));
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    expect(new Set(ids).size).toBe(20);
    expect(readerA.data('chat.read').every((e: { chat: Chat }) => e.chat.workspaceId === a.id)).toBe(true);
  });

  it('reconnecting with Last-Event-ID replays exactly what was missed, then goes on live', async () => {
    const ws = await h.workspace();
    const other = await h.workspace();
    const chat = chatOf(ws.id);
    const first = await open(ws.key);
    for (let n = 1; n <= 5; n++) await publish(chat, n);
    await waitFor(() => counts(first).length === 5, { message: 'the first five' });
    first.close();
    const lastId = first.lastId!;
    // Missed while away, between another workspace's events.
    for (let n = 6; n <= 12; n++) {
      await publish(chat, n);
      await publish(chatOf(other.id), 0);
    }
    const second = await open(ws.key, { 'last-event-id': lastId });
    await waitFor(() => counts(second).length === 7, { message: 'the seven missed' });
    await publish(chat, 13);
    await waitFor(() => counts(second).length === 8, { message: 'the next live one' });
    expect([...counts(first), ...counts(second)]).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(second.data('resync')).toEqual([]);
  });

  it('tells a client that missed more than a replay holds to resync, and one naming an unknown id too', async () => {
    const ws = await h.workspace();
    const chat = chatOf(ws.id);
    await publish(chat, 0);
    const first = await open(ws.key);
    await publish(chat, 1);
    await waitFor(() => counts(first).length === 1, { message: 'one event' });
    first.close();
    for (let n = 2; n <= REPLAY_MAX + 10; n++) await publish(chat, n);
    const second = await open(ws.key, { 'last-event-id': first.lastId! });
    await waitFor(() => second.data('resync').length === 1, { message: 'the resync hint' });
    expect(second.data('resync')).toEqual([{ reason: 'too_many_missed' }]);
    expect(counts(second)).toEqual(Array.from({ length: REPLAY_MAX }, (_, i) => i + 2));

    const unknown = await open(ws.key, { 'last-event-id': '999999999999' });
    await waitFor(() => unknown.data('resync').length === 1, { message: 'the resync hint' });
    expect(unknown.data('resync')).toEqual([{ reason: 'unknown_event_id' }]);
    const bad = await SseReader.open(`${h.api.url}/v1/stream`, {
      authorization: `Bearer ${ws.key}`,
      'last-event-id': 'abc',
    });
    expect(bad.status).toBe(400);
  });

  it('drops a client that reads nothing once its buffer passes the limit, with a resync hint; the others carry on', async () => {
    const ws = await h.workspace();
    const chat = chatOf(ws.id);
    const steady = await open(ws.key);
    // A client that connects and never reads: the kernel's buffers fill, then the api's.
    let received = '';
    let ended = false;
    const request = http.get(`${h.api.url}/v1/stream`, { headers: { authorization: `Bearer ${ws.key}` } });
    const response = await new Promise<http.IncomingMessage>((resolve) => request.on('response', resolve));
    response.pause();
    // How much the kernel's socket buffers absorb depends on the machine (loopback autotuning can
    // take megabytes), so events go out until the api says it dropped the slow client.
    const droppedSlowClient = async () =>
      /api_stream_resyncs_total\{[^}]*reason="slow_client"[^}]*\} [1-9]/.test(
        (await h.call('GET', '/metrics')).body,
      );
    let total = 0;
    while (!(await droppedSlowClient())) {
      expect(total).toBeLessThan(30_000);
      const start = total + 1;
      await Promise.all(Array.from({ length: 100 }, (_, i) => publish(chat, start + i, 'chat.read', 1_800)));
      total += 100;
    }
    await waitFor(() => counts(steady).length === total, {
      message: 'every event for the steady client',
      timeoutMs: 60_000,
    });
    // Now read what the slow one was sent: it ends with the hint, and the api ended the stream.
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (received += chunk));
    response.on('end', () => (ended = true));
    response.resume();
    await waitFor(() => ended, { message: 'the slow stream ended', timeoutMs: 60_000 });
    expect(received.trimEnd().endsWith('event: resync\ndata: {"reason":"slow_client"}')).toBe(true);
    expect((received.match(/^event: chat\.read$/gm) ?? []).length).toBeLessThan(total);
    expect(counts(steady)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('refuses a caller without a key, and takes a session workspace from ?workspaceId=', async () => {
    const res = await h.call('GET', '/v1/stream');
    expect(res.status).toBe(401);
    const ws = await h.workspace();
    const operator = await h.call(
      'GET',
      `/v1/stream?workspaceId=${ws.id}`,
      'test-admin-key-0123456789abcdef',
    );
    expect(operator.status).toBe(403);
  });
});
