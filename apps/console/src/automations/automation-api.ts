import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request, unwrap } from '../api/client';
import type { ActionRun, EventRule, Page, Routine } from '../api/types';
import { useWorkspaceKey } from '../auth/session';

export type SendAction = EventRule['action'];

export function useEventRules() {
  const key = useWorkspaceKey();
  return useQuery({ queryKey: key('event-rules'), queryFn: () => unwrap(api.GET('/v1/event-rules')) });
}

export function useEventRule(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('event-rules', id),
    queryFn: () => unwrap(api.GET('/v1/event-rules/{id}', { params: { path: { id } } })),
  });
}

export function useRuleRuns(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('event-rules', id, 'runs'),
    queryFn: () =>
      unwrap(api.GET('/v1/event-rules/{id}/runs', { params: { path: { id }, query: { limit: 200 } } })),
    refetchInterval: 5_000,
  });
}

export interface RuleInput {
  event: string;
  condition?: string;
  action: SendAction;
}

export function useCreateRule() {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleInput) => unwrap(api.POST('/v1/event-rules', { body: input })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('event-rules') }),
  });
}

/** Edit, enable/disable and delete arrive with a newer api: until then they answer "not available". */
export function useChangeRule(id: string) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<RuleInput> & { enabled?: boolean }) =>
      request<EventRule>('PATCH', `/v1/event-rules/${id}`, patch),
    onSuccess: (saved) => {
      client.setQueryData(key('event-rules', id), saved);
      void client.invalidateQueries({ queryKey: key('event-rules') });
    },
  });
}

export function useDeleteRule(id: string) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('DELETE', `/v1/event-rules/${id}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('event-rules') }),
  });
}

export function useRoutines() {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('routines'),
    queryFn: () => request<Page<Routine>>('GET', '/v1/routines'),
  });
}

export function useRoutine(id: string) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('routines', id),
    queryFn: () => unwrap(api.GET('/v1/routines/{id}', { params: { path: { id } } })),
    // A running broadcast shows its progress live.
    refetchInterval: (query) => (query.state.data?.progress.state === 'running' ? 1_000 : false),
  });
}

export function useRoutineResults(id: string, runId: string | null, running: boolean) {
  const key = useWorkspaceKey();
  return useQuery({
    queryKey: key('routines', id, 'results', runId),
    queryFn: () => request<Page<ActionRun>>('GET', `/v1/routines/${id}/runs/${runId}/results?limit=200`),
    enabled: runId !== null,
    refetchInterval: running ? 2_000 : false,
  });
}

export interface RoutineInput {
  name: string;
  memberFilter: string;
  action: SendAction;
  schedule?: string;
}

export function useCreateRoutine() {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RoutineInput) => unwrap(api.POST('/v1/routines', { body: input })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('routines') }),
  });
}

export function useRunRoutine(id: string) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/routines/{id}/run', { params: { path: { id } } })),
    onSuccess: (routine) => client.setQueryData(key('routines', id), routine),
  });
}

/** Pause, resume, cancel, edit and delete arrive with a newer api (see useChangeRule). */
export function useRoutineCommand(id: string) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: string; path: string; body?: unknown }) =>
      request<Routine | undefined>(method, `/v1/routines/${id}${path}`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('routines') }),
  });
}
