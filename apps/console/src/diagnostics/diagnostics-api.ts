import { api, unwrap } from '../api/client';
import type { components } from '../api/schema.gen';
import { useWorkspaceKey } from '../auth/session';
import { useCursorList } from '../shared/cursor-list';

export type Diagnostic = components['schemas']['Diagnostic'];
export type DiagnosticKind = Diagnostic['kind'];

/** The workspace's diagnostics feed, newest first, one kind or all; looked at again every 15 s. */
export function useDiagnostics(kind: DiagnosticKind | null) {
  const key = useWorkspaceKey();
  return useCursorList(key('diagnostics', kind), (cursor) =>
    unwrap(
      api.GET('/v1/diagnostics', {
        params: { query: { limit: 50, ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}
