import { useState } from 'react';
import { Accordion, Code, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { request } from '../api/client';
import type { ApiKey, PhoneNumber, Workspace } from '../api/types';
import { DataTable } from '../shared/DataTable';
import { formatDateTime } from '../shared/format';
import { ProblemAlert } from '../shared/ProblemAlert';
import { EmptyNotice, ErrorNotice, QueryState } from '../shared/QueryState';
import { Section } from '../shared/Section';
import { ShownOnce } from '../shared/ShownOnce';
import { Tag } from '../shared/Tag';
import { ConfirmButton } from '../shared/ConfirmButton';
import { DescribedSwitch } from '../shared/DescribedSwitch';
import { OneFieldForm } from '../shared/OneFieldForm';
import {
  useAdminMutation,
  useWorkspaceKeys,
  useWorkspaceNumbers,
  useWorkspaces,
  type CreatedKey,
} from './admin-api';

/** What a workspace's empty list says, in a line. */
function NoneYet({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function Numbers({ workspace }: { workspace: Workspace }) {
  const numbers = useWorkspaceNumbers(workspace.id);
  const assign = useAdminMutation((n: string) =>
    request<PhoneNumber>(
      'POST',
      '/v1/phone-numbers',
      { number: n, smsEnabled: true },
      { workspaceId: workspace.id },
    ),
  );
  return (
    <Section title="Phone numbers" level={3}>
      <QueryState query={numbers} empty={<NoneYet>No number yet.</NoneYet>}>
        {(items) => (
          <Group gap="xs">
            {items.map((n) => (
              <Tag key={n.id} variant="outline" color={n.archived ? 'gray' : 'teal'} size="lg">
                {n.number}
                {n.archived ? ' (archived)' : ''}
              </Tag>
            ))}
          </Group>
        )}
      </QueryState>
      <OneFieldForm
        label="Twilio number"
        description="In E.164, as Twilio shows it: +15551234567"
        buttonLabel="Assign number"
        buttonVariant="default"
        required
        pending={assign.isPending}
        submit={assign.mutateAsync}
      />
      <ProblemAlert error={assign.error} />
    </Section>
  );
}

function Keys({ workspace }: { workspace: Workspace }) {
  const keys = useWorkspaceKeys(workspace.id);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const create = useAdminMutation((keyName: string) =>
    request<CreatedKey>('POST', `/v1/workspaces/${workspace.id}/api-keys`, keyName ? { name: keyName } : {}),
  );
  const revoke = useAdminMutation((key: ApiKey) =>
    request<void>('DELETE', `/v1/workspaces/${workspace.id}/api-keys/${key.id}`),
  );
  return (
    <Section title="API keys" level={3}>
      <QueryState query={keys} empty={<NoneYet>No key yet. Machines calling the API need one.</NoneYet>}>
        {(items) => (
          <DataTable
            label={`API keys of ${workspace.name}`}
            columns={[
              'Key',
              { title: 'Created', visibleFrom: 'sm' },
              { title: 'Last used', visibleFrom: 'md' },
              {},
            ]}
          >
            {items.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>
                  <Code>{k.prefix}…</Code> {k.name}
                </Table.Td>
                <Table.Td visibleFrom="sm" className="tabular">
                  {formatDateTime(k.createdAt)}
                </Table.Td>
                <Table.Td visibleFrom="md" className="tabular">
                  {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never'}
                </Table.Td>
                <Table.Td ta="right">
                  {k.revokedAt ? (
                    <Tag color="gray" variant="outline">
                      Revoked
                    </Tag>
                  ) : (
                    <ConfirmButton
                      size="xs"
                      aria-label={`Revoke ${k.name ?? k.prefix}`}
                      title="Revoke this key?"
                      message={`Callers using ${k.name ?? 'it'} (${k.prefix}…) are refused at once. This cannot be undone.`}
                      confirmLabel="Revoke key"
                      loading={revoke.isPending && revoke.variables?.id === k.id}
                      onConfirm={() => revoke.mutate(k)}
                    >
                      Revoke
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      <OneFieldForm
        label="Key name"
        buttonLabel="Create key"
        buttonVariant="default"
        pending={create.isPending}
        submit={(keyName) => create.mutateAsync(keyName).then(setCreated)}
      />
      <ProblemAlert error={create.error ?? revoke.error} />
      <ShownOnce
        value={created?.key}
        title="Your new API key"
        copyLabel="Copy key"
        onClose={() => setCreated(null)}
      >
        Copy it now: it is shown only this once.
      </ShownOnce>
    </Section>
  );
}

function WorkspaceDetails({ workspace }: { workspace: Workspace }) {
  const hasWhatsapp = workspace.features.includes('whatsapp');
  const feature = useAdminMutation((on: boolean) =>
    request<Workspace>(on ? 'PUT' : 'DELETE', `/v1/workspaces/${workspace.id}/features/whatsapp`),
  );
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <DescribedSwitch
          label="WhatsApp"
          description="Lets this workspace turn WhatsApp on for its numbers, and its agents send WhatsApp"
          checked={hasWhatsapp}
          disabled={feature.isPending}
          onChange={(e) => feature.mutate(e.currentTarget.checked)}
        />
        <ProblemAlert error={feature.error} />
      </Stack>
      <Numbers workspace={workspace} />
      <Keys workspace={workspace} />
    </Stack>
  );
}

export function WorkspacesAdmin() {
  const workspaces = useWorkspaces();
  const create = useAdminMutation((n: string) => request<Workspace>('POST', '/v1/workspaces', { name: n }));
  return (
    <Stack gap="md">
      <Paper>
        <OneFieldForm
          label="New workspace"
          placeholder="Name"
          buttonLabel="Create workspace"
          inputWidth={320}
          required
          pending={create.isPending}
          submit={create.mutateAsync}
        />
        <ProblemAlert error={create.error} />
      </Paper>
      {workspaces.error ? (
        <ErrorNotice error={workspaces.error} onRetry={() => void workspaces.refetch()} />
      ) : (
        <QueryState
          query={workspaces}
          loadingLabel="Loading workspaces…"
          empty={<EmptyNotice title="No workspaces yet" />}
        >
          {(items) => (
            <Accordion variant="separated" radius="md">
              {items.map((w) => (
                <Accordion.Item key={w.id} value={w.id}>
                  <Accordion.Control>
                    <Group gap="sm">
                      <Text fw={600}>{w.name}</Text>
                      {w.features.includes('whatsapp') ? <Tag color="green">WhatsApp</Tag> : null}
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <WorkspaceDetails workspace={w} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
