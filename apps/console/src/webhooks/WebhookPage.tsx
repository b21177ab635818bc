import { Alert, Paper, Stack, Table, Text } from '@mantine/core';
import { useParams } from 'react-router';
import type { WebhookDelivery } from '../api/types';
import { ListState } from '../shared/cursor-list';
import { DataTable } from '../shared/DataTable';
import { FilterHeading, useFilter } from '../shared/FilterHeading';
import { formatDateTime } from '../shared/format';
import { RecordPage, RecordSummary } from '../shared/RecordPage';
import { ProblemAlert } from '../shared/ProblemAlert';
import { EmptyNotice } from '../shared/QueryState';
import { DeleteButton, EditButton, EditorPanel, EnabledSwitch, useEditor } from '../shared/record-actions';
import { StatusTag } from '../shared/Tag';
import { useAction } from '../shared/use-action';
import {
  useChangeWebhook,
  useDeleteWebhook,
  useDeliveries,
  useWebhook,
  type DeliveryStatus,
} from './webhook-api';
import { EVENT_LABELS } from './webhook-form';
import { WebhookForm } from './WebhookForm';
import { eventsText, WebhookState } from './WebhooksPage';

const OUTCOME: Record<DeliveryStatus, [string, string]> = {
  delivered: ['Delivered', 'teal'],
  pending: ['Retrying', 'blue'],
  failed: ['Failed', 'red'],
};

const FILTER: Array<{ value: DeliveryStatus | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'pending', label: 'Retrying' },
  { value: 'failed', label: 'Failed' },
];

/** What the endpoint answered last: its HTTP status, or why it could not be reached. */
function lastAnswer(d: WebhookDelivery): string {
  if (d.lastStatusCode !== null) return `HTTP ${d.lastStatusCode}`;
  return d.lastError ?? (d.status === 'pending' ? 'Not tried yet' : '—');
}

function Deliveries({ id }: { id: string }) {
  const filter = useFilter(FILTER);
  const list = useDeliveries(id, filter.selected);
  return (
    <Stack gap="sm">
      <FilterHeading title="Deliveries" label="Outcome" filter={filter} />
      <ListState
        list={list}
        loadingLabel="Loading deliveries…"
        empty={
          <EmptyNotice
            title={filter.value === 'all' ? 'Nothing delivered yet' : 'No delivery with this outcome'}
          >
            {filter.value === 'all'
              ? 'Each chat or message event this endpoint takes shows here with what it answered.'
              : 'Choose another outcome, or All.'}
          </EmptyNotice>
        }
      >
        <DataTable
          label="Deliveries"
          columns={['Event', 'Outcome', { title: 'Attempts', visibleFrom: 'sm' }, 'Last answer']}
        >
          {list.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Text size="sm">{EVENT_LABELS[d.eventType as keyof typeof EVENT_LABELS] ?? d.eventType}</Text>
                <Text size="xs" c="dimmed" className="tabular">
                  {formatDateTime(d.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusTag status={OUTCOME[d.status]} />
                {d.status === 'pending' && d.nextAttemptAt ? (
                  <Text size="xs" c="dimmed" className="tabular">
                    next {formatDateTime(d.nextAttemptAt)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td visibleFrom="sm" className="tabular">
                {d.attempts}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Text size="sm">{lastAnswer(d)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListState>
    </Stack>
  );
}

export function WebhookPage() {
  const { id = '' } = useParams();
  const webhook = useWebhook(id);
  const change = useChangeWebhook(id);
  const remove = useDeleteWebhook(id);
  const editor = useEditor();
  const { problem, act } = useAction();
  return (
    <RecordPage
      back={{ to: '/webhooks', label: 'Webhooks' }}
      title={webhook.data?.description ?? 'Webhook'}
      description={
        webhook.data ? <span style={{ overflowWrap: 'anywhere' }}>{webhook.data.url}</span> : undefined
      }
      query={webhook}
      loadingLabel="Loading the webhook…"
    >
      {(w) => (
        <Stack gap="lg">
          <RecordSummary
            state={
              <>
                <WebhookState webhook={w} />
                <Text size="sm">{eventsText(w.events)}</Text>
              </>
            }
            actions={
              <>
                <EnabledSwitch enabled={w.enabled} change={change} act={act} />
                <EditButton editor={editor} />
                <DeleteButton noun="webhook" remove={remove} act={act}>
                  Its deliveries go with it, and nothing more is sent to this address.
                </DeleteButton>
              </>
            }
          >
            {!w.enabled && w.disabledReason ? (
              <Alert color="orange" variant="light" title="Turned off">
                {w.disabledReason} Turn it on again once the address answers.
              </Alert>
            ) : w.failingSince ? (
              <Alert color="orange" variant="light" title="Failing">
                Deliveries have failed since {formatDateTime(w.failingSince)}; they are retried.
              </Alert>
            ) : null}
            <ProblemAlert error={problem} />
            <Text size="xs" c="dimmed">
              Created {formatDateTime(w.createdAt)}
            </Text>
          </RecordSummary>
          <EditorPanel editor={editor}>
            <WebhookForm webhook={w} onSave={editor.closeAfter((input) => change.mutateAsync(input))} />
          </EditorPanel>
          <Paper>
            <Deliveries id={w.id} />
          </Paper>
        </Stack>
      )}
    </RecordPage>
  );
}
