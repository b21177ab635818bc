import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useWorkspaceKey } from '../auth/session';

/** Data of the chosen workspace, cached under a key that starts with it (see useWorkspaceKey). */
export function useWorkspaceQuery<T>(
  parts: unknown[],
  queryFn: () => Promise<T>,
  options: Omit<UseQueryOptions<T>, 'queryKey' | 'queryFn'> = {},
) {
  const key = useWorkspaceKey();
  return useQuery({ ...options, queryKey: key(...parts), queryFn });
}

/**
 * A change to the chosen workspace's data, and what it makes of the cache when it succeeds: the
 * answer `put` under its key, a deleted item's key `dropped`, lists `refreshed`.
 */
export function useWorkspaceMutation<I, O>(
  mutationFn: (input: I) => Promise<O>,
  cache: { put?: unknown[] | ((saved: O) => unknown[]); dropped?: unknown[]; refreshed?: unknown[][] },
) {
  const key = useWorkspaceKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      if (cache.put)
        client.setQueryData(key(...(typeof cache.put === 'function' ? cache.put(saved) : cache.put)), saved);
      if (cache.dropped) client.removeQueries({ queryKey: key(...cache.dropped) });
      for (const parts of cache.refreshed ?? []) void client.invalidateQueries({ queryKey: key(...parts) });
    },
  });
}
