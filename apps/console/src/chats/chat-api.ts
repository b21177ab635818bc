import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Channel, Chat } from '../api/types';
import { useWorkspaceKey } from '../auth/session';
import { useCursorList } from '../shared/cursor-list';
import { useWorkspaceQuery } from '../shared/workspace-query';
import { putChat } from './chat-cache';

/** What the inbox list shows: a channel or every channel; every chat, or the queue only. */
export interface ChatFilter {
  channel: Channel | null;
  waiting: boolean;
}

export function useChatList(filter: ChatFilter) {
  const key = useWorkspaceKey();
  return useCursorList(key('chats', 'list', filter), (cursor) =>
    unwrap(
      api.GET('/v1/chats', {
        params: {
          query: {
            limit: 30,
            ...(filter.channel ? { channel: filter.channel } : {}),
            ...(filter.waiting ? { waiting: 'true' as const } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }),
    ),
  );
}

export function useChat(id: string) {
  return useWorkspaceQuery(['chats', id], () =>
    unwrap(api.GET('/v1/chats/{id}', { params: { path: { id } } })),
  );
}

/** The chat's newest 500 messages, oldest first; the live stream adds new ones and their statuses. */
export function useChatMessages(id: string) {
  return useWorkspaceQuery(['chats', id, 'messages'], () =>
    unwrap(
      api.GET('/v1/chats/{id}/messages', { params: { path: { id }, query: { limit: 500, newest: 'true' } } }),
    ),
  );
}

/** A chat's latest message, for its line in the inbox (kept current by the live stream). */
export function useLastMessage(id: string) {
  return useWorkspaceQuery(
    ['chats', id, 'last'],
    async () => {
      const page = await unwrap(
        api.GET('/v1/chats/{id}/messages', { params: { path: { id }, query: { limit: 1, newest: 'true' } } }),
      );
      return page.items.at(-1) ?? null;
    },
    { staleTime: Infinity },
  );
}

/** A chat action answering the chat as it is now: the caches take it at once. */
function useChatAction(id: string, call: () => Promise<Chat>) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (chat) => putChat(client, key, chat),
  });
}

/** Ends the chat: the member's next message opens a new one with the number's current default workflow. */
export function useCloseChat(id: string) {
  return useChatAction(id, () => unwrap(api.POST('/v1/chats/{id}/close', { params: { path: { id } } })));
}

export function useTakeOver(id: string) {
  return useChatAction(id, () => unwrap(api.POST('/v1/chats/{id}/takeover', { params: { path: { id } } })));
}

export function useHandBack(id: string) {
  return useChatAction(id, () => unwrap(api.POST('/v1/chats/{id}/handback', { params: { path: { id } } })));
}

export function useMarkRead(id: string) {
  return useChatAction(id, () => unwrap(api.POST('/v1/chats/{id}/read', { params: { path: { id } } })));
}

/**
 * The person's reply. One idempotency key per typed message, so a retried click sends it once;
 * the message itself arrives in the thread through the live stream (and a refetch, in case).
 */
export function useSendReply(id: string) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: string; idempotencyKey: string }) =>
      unwrap(
        api.POST('/v1/chats/{id}/messages', {
          params: { path: { id } },
          body: { body, idempotencyKey },
        }),
      ),
    onSettled: () => void client.invalidateQueries({ queryKey: key('chats', id, 'messages') }),
  });
}

/** A member by id, cached: chats show who they are with. */
export function useMemberSummary(id: string) {
  return useWorkspaceQuery(
    ['members', id],
    () => unwrap(api.GET('/v1/members/{id}', { params: { path: { id } } })),
    {
      staleTime: 60_000,
      enabled: id !== '',
    },
  );
}

/** The member's 24-hour windows (WhatsApp chats only: SMS has none). Same cache as the member page. */
export function useMemberWindowsFor(memberId: string, enabled: boolean) {
  return useWorkspaceQuery(
    ['members', memberId, 'windows'],
    () => unwrap(api.GET('/v1/members/{id}/windows', { params: { path: { id: memberId } } })),
    { enabled: enabled && memberId !== '' },
  );
}
