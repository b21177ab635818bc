import type { ReactNode } from 'react';
import { Group, Paper, Stack } from '@mantine/core';
import { BackLink } from './BackLink';
import { PageHeader } from './PageHeader';
import { QueryState } from './QueryState';
import { RecordListPath } from './record-actions';

/**
 * The page of one record (a member, a rule, a webhook…): the way back to its list, its header,
 * then the record once loaded. `notice` stands between the two (an action's failure). A
 * DeleteButton on it goes back to that list.
 */
export function RecordPage<T>({
  back,
  title,
  description,
  actions,
  notice,
  query,
  loadingLabel,
  children,
}: {
  back: { to: string; label: string };
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  notice?: ReactNode;
  query: Parameters<typeof QueryState<T>>[0]['query'];
  loadingLabel: string;
  children: (record: T) => ReactNode;
}) {
  return (
    <RecordListPath.Provider value={back.to}>
      <BackLink to={back.to}>{back.label}</BackLink>
      <PageHeader title={title} description={description} actions={actions} />
      {notice}
      <QueryState query={query} loadingLabel={loadingLabel}>
        {children}
      </QueryState>
    </RecordListPath.Provider>
  );
}

/**
 * A record's first card: its state on the left, what can be done to it on the right (on/off,
 * edit, delete), its details below.
 */
export function RecordSummary({
  state,
  actions,
  children,
}: {
  state: ReactNode;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="wrap">
            {state}
          </Group>
          <Group gap="sm">{actions}</Group>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
