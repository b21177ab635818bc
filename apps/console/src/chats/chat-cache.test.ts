import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Chat, ChatMessage, Page } from '../api/types';
import { aChat } from '../test/fixtures';
import { applyStreamEvent } from './chat-cache';

const key = (...parts: unknown[]) => ['ws', 'w1', ...parts];

const chat = (id: string, channel: Chat['channel'] = 'whatsapp', extra: Partial<Chat> = {}): Chat =>
  aChat({ id, memberId: `m-${id}`, channel, ...extra });
const message = (id: string, chatId: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  chatId,
  direction: 'inbound',
  body: `body ${id}`,
  contentSid: null,
  media: [],
  status: 'received',
  errorCode: null,
  errorReason: null,
  twilioSid: null,
  sendId: null,
  createdAt: '2026-03-02T09:10:00.000Z',
  ...extra,
});

function seeded() {
  const client = new QueryClient();
  const list = (items: Chat[]): InfiniteData<Page<Chat>> => ({
    pages: [{ items, nextCursor: null }],
    pageParams: [undefined],
  });
  client.setQueryData(key('chats', 'list', { channel: null, waiting: false }), list([chat('a')]));
  client.setQueryData(key('chats', 'list', { channel: 'sms', waiting: false }), list([]));
  client.setQueryData(key('chats', 'list', { channel: null, waiting: true }), list([]));
  client.setQueryData<Page<ChatMessage>>(key('chats', 'a', 'messages'), {
    items: [message('1', 'a')],
    nextCursor: null,
  });
  const items = (filter: object) =>
    client
      .getQueryData<InfiniteData<Page<Chat>>>(key('chats', 'list', filter))!
      .pages.flatMap((p) => p.items);
  return { client, items };
}

describe('the live stream applied to the caches', () => {
  it('a new chat goes on top of the lists it belongs to, and only those', () => {
    const { client, items } = seeded();
    applyStreamEvent(client, key, { type: 'chat.opened', chat: chat('b'), message: null, at: '' });
    expect(items({ channel: null, waiting: false }).map((c) => c.id)).toEqual(['b', 'a']);
    expect(items({ channel: 'sms', waiting: false })).toEqual([]);
  });

  it('a message joins its thread once, updates the chat and its last line; a status change replaces it', () => {
    const { client, items } = seeded();
    const updated = chat('a', 'whatsapp', { unreadCount: 1, lastMessageAt: '2026-03-02T09:11:00.000Z' });
    const m2 = message('2', 'a', { createdAt: '2026-03-02T09:11:00.000Z' });
    for (let i = 0; i < 2; i++)
      applyStreamEvent(client, key, { type: 'message.created', chat: updated, message: m2, at: '' });
    const thread = () => client.getQueryData<Page<ChatMessage>>(key('chats', 'a', 'messages'))!.items;
    expect(thread().map((m) => m.id)).toEqual(['1', '2']);
    expect(items({ channel: null, waiting: false })).toEqual([updated]);
    expect(client.getQueryData(key('chats', 'a'))).toEqual(updated);
    expect(client.getQueryData(key('chats', 'a', 'last'))).toEqual(m2);

    const failed = { ...m2, status: 'failed' as const, errorReason: 'Blocked by the carrier.' };
    applyStreamEvent(client, key, { type: 'message.updated', chat: updated, message: failed, at: '' });
    expect(thread().map((m) => m.status)).toEqual(['received', 'failed']);
    expect(client.getQueryData(key('chats', 'a', 'last'))).toEqual(failed);
  });

  it('a takeover replaces the chat where it is shown without adding it elsewhere', () => {
    const { client, items } = seeded();
    const held = chat('a', 'whatsapp', { heldBy: { actor: 'user:u1', name: 'sam', since: '' } });
    applyStreamEvent(client, key, { type: 'chat.taken_over', chat: held, message: null, at: '' });
    expect(items({ channel: null, waiting: false })).toEqual([held]);
    // A chat no list has is not added for a takeover (it is not news).
    applyStreamEvent(client, key, { type: 'chat.taken_over', chat: chat('z'), message: null, at: '' });
    expect(items({ channel: null, waiting: false }).map((c) => c.id)).toEqual(['a']);
  });

  it('a chat entering or leaving the queue reloads the queue, and only the queue', async () => {
    const { client, items } = seeded();
    const queue = key('chats', 'list', { channel: null, waiting: true });
    const state = () => client.getQueryState(queue)?.isInvalidated;
    applyStreamEvent(client, key, { type: 'chat.read', chat: chat('a'), message: null, at: '' });
    expect(state()).toBe(false);
    const waiting = chat('a', 'whatsapp', {
      waitingSince: '2026-03-02T09:12:00.000Z',
      handoffReason: 'Refund',
    });
    applyStreamEvent(client, key, { type: 'chat.waiting', chat: waiting, message: null, at: '' });
    expect(state()).toBe(true);
    expect(items({ channel: null, waiting: false })).toEqual([waiting]);
  });
});
