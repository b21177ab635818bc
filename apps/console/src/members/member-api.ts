import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Member } from '../api/types';
import { useWorkspaceKey } from '../auth/session';
import { useCursorList } from '../shared/cursor-list';

export type MemberPatch = Partial<
  Pick<
    Member,
    | 'firstName'
    | 'lastName'
    | 'phone'
    | 'email'
    | 'notifySms'
    | 'notifyEmail'
    | 'notifyVoice'
    | 'notifyWhatsapp'
    | 'attributes'
  >
> & { optedOut?: boolean };

const PAGE = 50;

export function useMemberList(search: string) {
  const key = useWorkspaceKey();
  return useCursorList(key('members', 'list', search), (cursor) =>
    unwrap(
      api.GET('/v1/members', {
        params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}), ...(search ? { search } : {}) } },
      }),
    ),
  );
}

export function useMember(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('members', id),
    queryFn: () => unwrap(api.GET('/v1/members/{id}', { params: { path: { id } } })),
  });
}

export function usePreferenceChanges(id: string) {
  const key = useWorkspaceKey();
  return useCursorList(key('members', id, 'changes'), (cursor) =>
    unwrap(
      api.GET('/v1/members/{id}/preference-changes', {
        params: { path: { id }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export function useMemberWindows(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('members', id, 'windows'),
    queryFn: () => unwrap(api.GET('/v1/members/{id}/windows', { params: { path: { id } } })),
  });
}

export function useUpdateMember(id: string) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: MemberPatch) =>
      unwrap(api.PATCH('/v1/members/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: (saved) => {
      client.setQueryData(key('members', id), saved);
      void client.invalidateQueries({ queryKey: key('members', id, 'changes') });
      void client.invalidateQueries({ queryKey: key('members', 'list') });
    },
  });
}

export function createMember(fields: MemberPatch) {
  return unwrap(api.POST('/v1/members', { body: fields }));
}
