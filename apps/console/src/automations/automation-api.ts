import { api, unwrap } from '../api/client';
import type { EventRule, RoutineResult } from '../api/types';
import { useWorkspaceKey } from '../auth/session';
import { useCursorList } from '../shared/cursor-list';
import { useWorkspaceMutation, useWorkspaceQuery } from '../shared/workspace-query';

export type SendAction = EventRule['action'];

export function useEventRules() {
  return useWorkspaceQuery(['event-rules'], () => unwrap(api.GET('/v1/event-rules')));
}

export function useEventRule(id: string) {
  return useWorkspaceQuery(['event-rules', id], () =>
    unwrap(api.GET('/v1/event-rules/{id}', { params: { path: { id } } })),
  );
}

export function useRuleRuns(id: string) {
  return useWorkspaceQuery(
    ['event-rules', id, 'runs'],
    () => unwrap(api.GET('/v1/event-rules/{id}/runs', { params: { path: { id }, query: { limit: 200 } } })),
    { refetchInterval: 5_000 },
  );
}

export interface RuleInput {
  event: string;
  condition?: string;
  action: SendAction;
}

export function useCreateRule() {
  return useWorkspaceMutation((input: RuleInput) => unwrap(api.POST('/v1/event-rules', { body: input })), {
    refreshed: [['event-rules']],
  });
}

export function useChangeRule(id: string) {
  return useWorkspaceMutation(
    (patch: Partial<Omit<RuleInput, 'condition'>> & { condition?: string | null; enabled?: boolean }) =>
      unwrap(api.PATCH('/v1/event-rules/{id}', { params: { path: { id } }, body: patch })),
    { put: ['event-rules', id], refreshed: [['event-rules']] },
  );
}

export function useDeleteRule(id: string) {
  return useWorkspaceMutation(
    () => unwrap(api.DELETE('/v1/event-rules/{id}', { params: { path: { id } } })),
    { dropped: ['event-rules', id], refreshed: [['event-rules']] },
  );
}

/** Routines, a page at a time (the list grows with every campaign). */
export function useRoutines() {
  const key = useWorkspaceKey();
  return useCursorList(key('routines', 'list'), (cursor) =>
    unwrap(api.GET('/v1/routines', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } })),
  );
}

export function useRoutine(id: string) {
  return useWorkspaceQuery(
    ['routines', id],
    () => unwrap(api.GET('/v1/routines/{id}', { params: { path: { id } } })),
    {
      // A running broadcast shows its progress live, and so does one whose sends outbound still
      // holds (accepted, not yet at Twilio): they turn sent or failed after the run is done.
      refetchInterval: (query) => {
        const progress = query.state.data?.progress;
        return progress && (progress.state === 'running' || progress.accepted > 0) ? 1_000 : false;
      },
    },
  );
}

export type ResultStatus = RoutineResult['status'];

/** One run's result per member, filtered by status, a page at a time; refreshed while it runs. */
export function useRoutineResults(
  id: string,
  runId: string | null,
  status: ResultStatus | null,
  running: boolean,
) {
  const key = useWorkspaceKey();
  return useCursorList(
    key('routines', id, 'results', runId, status),
    (cursor) =>
      unwrap(
        api.GET('/v1/routines/{id}/runs/{runId}/results', {
          params: {
            path: { id, runId: runId! },
            query: { limit: 50, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    { enabled: runId !== null, refetchInterval: running ? 2_000 : false },
  );
}

export interface RoutineInput {
  name: string;
  memberFilter: string;
  action: SendAction;
  schedule?: string;
}

export function useCreateRoutine() {
  return useWorkspaceMutation((input: RoutineInput) => unwrap(api.POST('/v1/routines', { body: input })), {
    refreshed: [['routines', 'list']],
  });
}

export function useRunRoutine(id: string) {
  return useWorkspaceMutation(() => unwrap(api.POST('/v1/routines/{id}/run', { params: { path: { id } } })), {
    put: ['routines', id],
  });
}

export function useChangeRoutine(id: string) {
  return useWorkspaceMutation(
    (patch: Partial<Omit<RoutineInput, 'schedule'>> & { schedule?: string | null; paused?: boolean }) =>
      unwrap(api.PATCH('/v1/routines/{id}', { params: { path: { id } }, body: patch })),
    { put: ['routines', id], refreshed: [['routines', 'list']] },
  );
}

export function useCancelRoutine(id: string) {
  return useWorkspaceMutation(
    () => unwrap(api.POST('/v1/routines/{id}/cancel', { params: { path: { id } } })),
    { refreshed: [['routines']] },
  );
}

export function useDeleteRoutine(id: string) {
  return useWorkspaceMutation(() => unwrap(api.DELETE('/v1/routines/{id}', { params: { path: { id } } })), {
    dropped: ['routines', id],
    refreshed: [['routines', 'list']],
  });
}
