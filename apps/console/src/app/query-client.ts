import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';
import { SESSION_KEY } from '../auth/session';

/**
 * Server state for every page. A 401 anywhere means the session ended (expired, revoked,
 * signed out elsewhere): the session is forgotten and the sign-in page shows. Errors a retry
 * cannot fix (4xx) are not retried.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => sessionEnded(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => sessionEnded(error) }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  function sessionEnded(error: unknown, key?: readonly unknown[]) {
    if (error instanceof ApiError && error.status === 401 && key?.[0] !== SESSION_KEY[0]) {
      client.setQueryData(SESSION_KEY, null);
    }
  }
  return client;
}
