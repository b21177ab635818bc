import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Chat, ChatMessage, Page } from '../api/types';
import type { ChatFilter } from './chat-api';

/** One event of GET /v1/stream (the ChatActivity without its workspace). */
export interface StreamEvent {
  type: string;
  chat: Chat;
  message: ChatMessage | null;
  at: string;
}

type WorkspaceKey = (...parts: unknown[]) => unknown[];

/** Latest activity first: what an inbox sorts by. */
export const activityOf = (chat: Chat) => chat.lastMessageAt ?? chat.createdAt;

/** In the queue: open, waiting for a person, and nobody has taken it. */
export const isWaiting = (chat: Chat) => chat.status === 'open' && chat.waitingSince !== null && !chat.heldBy;

const matches = (filter: ChatFilter | undefined, chat: Chat) =>
  (!filter?.channel || filter.channel === chat.channel) && (!filter?.waiting || isWaiting(chat));

/**
 * Puts a chat as it is now into every cache that shows it: the chat itself and each loaded list
 * (replaced where it is; a new chat, or one with news, that a list lacks goes on its first page).
 * A chat entering or leaving the queue reloads the queue's list (it is ordered by waiting time).
 */
export function putChat(client: QueryClient, key: WorkspaceKey, chat: Chat, news = false): void {
  client.setQueryData<Chat>(key('chats', chat.id), chat);
  for (const query of client.getQueryCache().findAll({ queryKey: key('chats', 'list') })) {
    const filter = query.queryKey.at(-1) as ChatFilter | undefined;
    if (filter?.waiting) {
      const data = client.getQueryData<InfiniteData<Page<Chat>>>(query.queryKey);
      const has = data?.pages.some((p) => p.items.some((c) => c.id === chat.id)) ?? false;
      if (has !== matches(filter, chat)) {
        void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
        continue;
      }
    }
    client.setQueryData<InfiniteData<Page<Chat>>>(query.queryKey, (data) => {
      if (!data) return data;
      const has = data.pages.some((p) => p.items.some((c) => c.id === chat.id));
      if (has)
        return {
          ...data,
          pages: data.pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === chat.id ? chat : c)) })),
        };
      if (!news || !matches(filter, chat) || !data.pages.length) return data;
      const [first, ...rest] = data.pages;
      return { ...data, pages: [{ ...first, items: [chat, ...first.items] }, ...rest] };
    });
  }
}

/** A message stored or its status changed: the thread and the chat's latest line follow. */
export function putMessage(client: QueryClient, key: WorkspaceKey, message: ChatMessage): void {
  client.setQueryData<Page<ChatMessage>>(key('chats', message.chatId, 'messages'), (page) => {
    if (!page) return page;
    const at = page.items.findIndex((m) => m.id === message.id);
    if (at >= 0) return { ...page, items: page.items.map((m, i) => (i === at ? message : m)) };
    return { ...page, items: [...page.items, message] };
  });
  client.setQueryData<ChatMessage | null>(key('chats', message.chatId, 'last'), (last) =>
    !last || last.id === message.id || last.createdAt <= message.createdAt ? message : last,
  );
}

/** Applies one stream event to the caches. */
export function applyStreamEvent(client: QueryClient, key: WorkspaceKey, event: StreamEvent): void {
  const news = event.type === 'chat.opened' || event.type === 'message.created';
  if (event.message) putMessage(client, key, event.message);
  putChat(client, key, event.chat, news);
}
