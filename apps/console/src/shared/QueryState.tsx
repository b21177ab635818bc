import type { ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { ApiError, describeError } from '../api/errors';

/** A loading line that screen readers announce. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

/** An error with what went wrong and a way to try again; a missing route says the feature is absent. */
export function ErrorNotice({
  error,
  onRetry,
  title = 'Could not load this',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  if (error instanceof ApiError && error.endpointMissing) {
    return (
      <Alert color="gray" title="Not available on this server yet" role="status">
        This server's API does not offer this yet. It comes with a newer version of the api service.
      </Alert>
    );
  }
  return (
    <Alert color="red" title={title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** What an empty list says, with the next step. */
export function EmptyNotice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" gap={6} py="xl" px="md" ta="center">
      <Text fw={600}>{title}</Text>
      {children ? (
        <Text c="dimmed" size="sm" maw={420}>
          {children}
        </Text>
      ) : null}
    </Stack>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** A list as the API answers it: the items themselves, or a page of them. */
const isEmptyList = (data: unknown) =>
  (Array.isArray(data) ? data : ((data as { items?: unknown[] }).items ?? [])).length === 0;

/**
 * Loading, error or the data, for one query. With `empty`, a list query shows it instead of the
 * data when the list (an array, or a page's items) has no item.
 */
export function QueryState<T>({
  query,
  children,
  loadingLabel,
  empty,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
  empty?: ReactNode;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.error || query.data === undefined)
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && isEmptyList(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
