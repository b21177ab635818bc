import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Workflow } from '../api/types';
import { useWorkspaceKey } from '../auth/session';

export function useWorkflowList() {
  const key = useWorkspaceKey();
  return useQuery({ queryKey: key('workflows', 'list'), queryFn: () => unwrap(api.GET('/v1/workflows')) });
}

export function useWorkflow(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('workflows', id),
    queryFn: () => unwrap(api.GET('/v1/workflows/{id}', { params: { path: { id } } })),
    enabled: id !== 'new',
  });
}

export function useWorkflowVersions(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('workflows', id, 'versions'),
    queryFn: () => unwrap(api.GET('/v1/workflows/{id}/versions', { params: { path: { id } } })),
    enabled: id !== 'new',
  });
}

/** Saves the editor's text as it is (YAML, or JSON, which is YAML too): the service validates it. */
export function useSaveWorkflow(id: string) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; definition: string }): Promise<Workflow> =>
      id === 'new'
        ? unwrap(api.POST('/v1/workflows', { body: input }))
        : unwrap(api.PUT('/v1/workflows/{id}', { params: { path: { id } }, body: input })),
    onSuccess: (saved) => {
      client.setQueryData(key('workflows', saved.id), saved);
      void client.invalidateQueries({ queryKey: key('workflows') });
    },
  });
}
