import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { PhoneNumber, Workspace } from '../api/types';
import { useWorkspaceKey } from '../auth/session';
import type { PhoneNumberPatch } from './phone-number-form';

export function usePhoneNumbers(includeArchived = false) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('phone-numbers', { includeArchived }),
    queryFn: () =>
      unwrap(
        api.GET('/v1/phone-numbers', {
          params: { query: includeArchived ? { includeArchived: 'true' } : {} },
        }),
      ),
  });
}

export function usePhoneNumber(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('phone-numbers', id),
    queryFn: () => unwrap(api.GET('/v1/phone-numbers/{id}', { params: { path: { id } } })),
  });
}

export function useUpdatePhoneNumber(id: string) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: PhoneNumberPatch) =>
      unwrap(api.PATCH('/v1/phone-numbers/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: (saved: PhoneNumber) => {
      client.setQueryData(key('phone-numbers', id), saved);
      void client.invalidateQueries({ queryKey: key('phone-numbers') });
    },
  });
}

/** The caller's workspace with its features (WhatsApp appears only when it has the feature). */
export function useCurrentWorkspace() {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('workspace'),
    queryFn: (): Promise<Workspace> => unwrap(api.GET('/v1/workspace')),
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
