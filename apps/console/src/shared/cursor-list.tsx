import type { ReactNode } from 'react';
import { Button, Center, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '../api/types';
import { ErrorNotice, Loading } from './QueryState';

/** A list the API pages with a cursor: the pages so far, flattened, and "Load more". */
export function useCursorList<T>(
  queryKey: unknown[],
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: { enabled?: boolean; refetchInterval?: number | false } = {},
) {
  const query = useInfiniteQuery({
    ...options,
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}

interface MoreList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function LoadMore({ list, count }: { list: MoreList; count: number }) {
  return (
    <Center py="md">
      {list.hasNextPage ? (
        <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Load more
        </Button>
      ) : count > 0 ? (
        <Text size="sm" c="dimmed">
          {count === 1 ? 'That is the only one.' : `All ${count} shown.`}
        </Text>
      ) : null}
    </Center>
  );
}

/**
 * A cursor list's states: loading, its error with Try again, `empty` when it has no item (when
 * given), else the items (`children`) followed by Load more.
 */
export function ListState({
  list,
  loadingLabel,
  errorTitle,
  empty,
  children,
}: {
  list: MoreList & { isPending: boolean; error: unknown; items: unknown[]; refetch: () => unknown };
  loadingLabel: string;
  errorTitle?: string;
  empty?: ReactNode;
  children: ReactNode;
}) {
  if (list.isPending) return <Loading label={loadingLabel} />;
  if (list.error)
    return <ErrorNotice error={list.error} title={errorTitle} onRetry={() => void list.refetch()} />;
  if (empty !== undefined && list.items.length === 0) return <>{empty}</>;
  return (
    <>
      {children}
      <LoadMore list={list} count={list.items.length} />
    </>
  );
}
