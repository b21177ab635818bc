import { api, unwrap } from '../api/client';
import type { Workflow } from '../api/types';
import { useWorkspaceMutation, useWorkspaceQuery } from '../shared/workspace-query';

export function useWorkflowList() {
  return useWorkspaceQuery(['workflows', 'list'], () => unwrap(api.GET('/v1/workflows')));
}

export function useWorkflow(id: string) {
  return useWorkspaceQuery(
    ['workflows', id],
    () => unwrap(api.GET('/v1/workflows/{id}', { params: { path: { id } } })),
    { enabled: id !== 'new' },
  );
}

export function useWorkflowVersions(id: string) {
  return useWorkspaceQuery(
    ['workflows', id, 'versions'],
    () => unwrap(api.GET('/v1/workflows/{id}/versions', { params: { path: { id } } })),
    { enabled: id !== 'new' },
  );
}

/** Saves the editor's text as it is (YAML, or JSON, which is YAML too): the service validates it. */
export function useSaveWorkflow(id: string) {
  return useWorkspaceMutation(
    (input: { name: string; definition: string }): Promise<Workflow> =>
      id === 'new'
        ? unwrap(api.POST('/v1/workflows', { body: input }))
        : unwrap(api.PUT('/v1/workflows/{id}', { params: { path: { id } }, body: input })),
    { put: (saved) => ['workflows', saved.id], refreshed: [['workflows']] },
  );
}
