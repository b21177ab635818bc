import type { MemberCsvField } from '@app/rules';
import { api, unwrap } from '../api/client';
import type { Member } from '../api/types';
import { useWorkspaceKey } from '../auth/session';
import { useCursorList } from '../shared/cursor-list';
import { useWorkspaceMutation, useWorkspaceQuery } from '../shared/workspace-query';

/** The fields a form or a CSV row sets (every field a CSV column can fill, and attributes). */
export type MemberPatch = Partial<Pick<Member, MemberCsvField | 'attributes'>> & { optedOut?: boolean };

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
  return useWorkspaceQuery(['members', id], () =>
    unwrap(api.GET('/v1/members/{id}', { params: { path: { id } } })),
  );
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
  return useWorkspaceQuery(['members', id, 'windows'], () =>
    unwrap(api.GET('/v1/members/{id}/windows', { params: { path: { id } } })),
  );
}

export function useUpdateMember(id: string) {
  return useWorkspaceMutation(
    (patch: MemberPatch) => unwrap(api.PATCH('/v1/members/{id}', { params: { path: { id } }, body: patch })),
    {
      put: ['members', id],
      refreshed: [
        ['members', id, 'changes'],
        ['members', 'list'],
      ],
    },
  );
}

/** Creates a member; with an idempotency key, asking again answers the member it created. */
export function createMember(fields: MemberPatch, idempotencyKey?: string) {
  return unwrap(
    api.POST('/v1/members', {
      body: fields,
      ...(idempotencyKey ? { params: { header: { 'Idempotency-Key': idempotencyKey } } } : {}),
    }),
  );
}
