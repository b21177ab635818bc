import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Channel } from '../api/types';
import { useWorkspaceKey } from '../auth/session';
import { useCursorList } from '../shared/cursor-list';

export function useChatList(channel: Channel | null) {
  const key = useWorkspaceKey();
  return useCursorList(key('chats', 'list', channel), (cursor) =>
    unwrap(
      api.GET('/v1/chats', {
        params: { query: { limit: 30, ...(channel ? { channel } : {}), ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export function useChat(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('chats', id),
    queryFn: () => unwrap(api.GET('/v1/chats/{id}', { params: { path: { id } } })),
  });
}

/** Ends the chat: the member's next message opens a new one with the number's current default workflow. */
export function useCloseChat(id: string) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/chats/{id}/close', { params: { path: { id } } })),
    onSuccess: (chat) => {
      client.setQueryData(key('chats', id), chat);
      void client.invalidateQueries({ queryKey: key('chats', 'list') });
    },
  });
}

export function useChatMessages(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('chats', id, 'messages'),
    queryFn: () =>
      unwrap(api.GET('/v1/chats/{id}/messages', { params: { path: { id }, query: { limit: 500 } } })),
    // Delivery statuses change after sending: look again while the thread is open.
    refetchInterval: 10_000,
  });
}

/** A member by id, cached: chats show who they are with. */
export function useMemberSummary(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('members', id),
    queryFn: () => unwrap(api.GET('/v1/members/{id}', { params: { path: { id } } })),
    staleTime: 60_000,
    enabled: id !== '',
  });
}
