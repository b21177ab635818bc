import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { PhoneNumber, Workspace } from '../api/types';
import { useWorkspaceKey } from '../auth/session';
import { useWorkspaceMutation, useWorkspaceQuery } from '../shared/workspace-query';
import type { PhoneNumberPatch } from './phone-number-form';

export function usePhoneNumbers(includeArchived = false) {
  return useWorkspaceQuery(['phone-numbers', { includeArchived }], () =>
    unwrap(
      api.GET('/v1/phone-numbers', { params: { query: includeArchived ? { includeArchived: 'true' } : {} } }),
    ),
  );
}

export function usePhoneNumber(id: string) {
  return useWorkspaceQuery(['phone-numbers', id], () =>
    unwrap(api.GET('/v1/phone-numbers/{id}', { params: { path: { id } } })),
  );
}

export function useUpdatePhoneNumber(id: string) {
  return useWorkspaceMutation(
    (patch: PhoneNumberPatch): Promise<PhoneNumber> =>
      unwrap(api.PATCH('/v1/phone-numbers/{id}', { params: { path: { id } }, body: patch })),
    { put: ['phone-numbers', id], refreshed: [['phone-numbers']] },
  );
}

/** The caller's workspace with its features (WhatsApp appears only when it has the feature). */
export function useCurrentWorkspace() {
  return useWorkspaceQuery(['workspace'], (): Promise<Workspace> => unwrap(api.GET('/v1/workspace')), {
    staleTime: 60_000,
  });
}

export function useWorkflowOptions() {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('workflows', 'options'),
    queryFn: () => unwrap(api.GET('/v1/workflows', {})),
    select: (page) => page.items.map((w) => ({ value: w.id, label: w.name })),
  });
}
