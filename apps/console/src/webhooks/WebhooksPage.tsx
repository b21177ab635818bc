import { useState } from 'react';
import { Paper, Table, Text } from '@mantine/core';
import type { CreatedWebhook, Webhook } from '../api/types';
import { CreateDialog, useCreateDialog } from '../shared/CreateDialog';
import { DataTable, LinkRow, RowLink } from '../shared/DataTable';
import { NewButton } from '../shared/NewButton';
import { PageHeader } from '../shared/PageHeader';
import { ShownOnce } from '../shared/ShownOnce';
import { OnOffBadge, Tag } from '../shared/Tag';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { useCreateWebhook, useWebhooks } from './webhook-api';
import { EVENT_LABELS } from './webhook-form';
import { WebhookForm } from './WebhookForm';

export function WebhookState({ webhook }: { webhook: Webhook }) {
  if (!webhook.enabled)
    return (
      <Tag color="gray" variant="outline">
        Off
      </Tag>
    );
  return webhook.failingSince ? <Tag color="orange">Failing</Tag> : <OnOffBadge on />;
}

export const eventsText = (events: Webhook['events']) =>
  events.length ? events.map((e) => EVENT_LABELS[e] ?? e).join(', ') : 'Every event';

/** The signing secret, shown once right after the endpoint is created. */
export function SecretOnce({ created, onClose }: { created: CreatedWebhook | null; onClose: () => void }) {
  return (
    <ShownOnce
      value={created?.secret}
      title="Your webhook's signing secret"
      codeLabel="Signing secret"
      copyLabel="Copy secret"
      onClose={onClose}
    >
      Copy it now: it is shown only this once. Each delivery carries X-Signature, an HMAC-SHA256 of its body
      made with this secret.
    </ShownOnce>
  );
}

const NO_WEBHOOKS = (
  <EmptyNotice title="No webhooks yet">
    Add an HTTPS address of yours to receive chat and message events.
  </EmptyNotice>
);

export function WebhooksPage() {
  const webhooks = useWebhooks();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const dialog = useCreateDialog(useCreateWebhook(), setCreated);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Your systems hear about chats and messages as they happen: a signed POST per event, retried until it is accepted."
        actions={<NewButton onClick={dialog.open}>New webhook</NewButton>}
      />
      <Paper p={0}>
        <QueryState query={webhooks} loadingLabel="Loading webhooks…" empty={NO_WEBHOOKS}>
          {(items) => (
            <DataTable label="Webhooks" columns={['URL', { title: 'Events', visibleFrom: 'sm' }, 'State']}>
              {items.map((w) => (
                <LinkRow key={w.id} to={`/webhooks/${w.id}`}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <RowLink to={`/webhooks/${w.id}`} size="sm">
                      {w.url}
                    </RowLink>
                    {w.description ? (
                      <Text size="xs" c="dimmed">
                        {w.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm">{eventsText(w.events)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <WebhookState webhook={w} />
                  </Table.Td>
                </LinkRow>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Paper>
      <CreateDialog dialog={dialog} title="New webhook">
        <WebhookForm submitLabel="Create webhook" onSave={dialog.save} />
      </CreateDialog>
      <SecretOnce created={created} onClose={() => setCreated(null)} />
    </>
  );
}
