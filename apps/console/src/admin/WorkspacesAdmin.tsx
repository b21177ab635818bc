import { useState } from 'react';
import {
  Accordion,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { request } from '../api/client';
import { describeError } from '../api/errors';
import type { ApiKey, PhoneNumber, Workspace } from '../api/types';
import { formatDateTime } from '../shared/format';
import { EmptyNotice, ErrorNotice, QueryState } from '../shared/QueryState';
import { DescribedSwitch } from '../shared/DescribedSwitch';
import {
  useAdminMutation,
  useWorkspaceKeys,
  useWorkspaceNumbers,
  useWorkspaces,
  type CreatedKey,
} from './admin-api';

function Problem({ error }: { error: unknown }) {
  return error ? (
    <Alert color="red" role="alert" title="Not done">
      {describeError(error)}
    </Alert>
  ) : null;
}

function Numbers({ workspace }: { workspace: Workspace }) {
  const numbers = useWorkspaceNumbers(workspace.id);
  const [number, setNumber] = useState('');
  const assign = useAdminMutation((n: string) =>
    request<PhoneNumber>(
      'POST',
      '/v1/phone-numbers',
      { number: n, smsEnabled: true },
      { workspaceId: workspace.id },
    ),
  );
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Phone numbers
      </Title>
      <QueryState query={numbers}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No number yet.
            </Text>
          ) : (
            <Group gap="xs">
              {items.map((n) => (
                <Badge
                  key={n.id}
                  variant="outline"
                  color={n.archived ? 'gray' : 'teal'}
                  radius="sm"
                  tt="none"
                  size="lg"
                >
                  {n.number}
                  {n.archived ? ' (archived)' : ''}
                </Badge>
              ))}
            </Group>
          )
        }
      </QueryState>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void assign.mutateAsync(number.trim()).then(() => setNumber(''));
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Twilio number"
            description="In E.164, as Twilio shows it: +15551234567"
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            w={{ base: '100%', sm: 260 }}
          />
          <Button type="submit" variant="default" loading={assign.isPending} disabled={!number.trim()}>
            Assign number
          </Button>
        </Group>
      </form>
      <Problem error={assign.error} />
    </Stack>
  );
}

function Keys({ workspace }: { workspace: Workspace }) {
  const keys = useWorkspaceKeys(workspace.id);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const create = useAdminMutation((keyName: string) =>
    request<CreatedKey>('POST', `/v1/workspaces/${workspace.id}/api-keys`, keyName ? { name: keyName } : {}),
  );
  const revoke = useAdminMutation((key: ApiKey) =>
    request<void>('DELETE', `/v1/workspaces/${workspace.id}/api-keys/${key.id}`),
  );
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        API keys
      </Title>
      <QueryState query={keys}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No key yet. Machines calling the API need one.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table aria-label={`API keys of ${workspace.name}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Key</Table.Th>
                    <Table.Th visibleFrom="sm">Created</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((k) => (
                    <Table.Tr key={k.id}>
                      <Table.Td>
                        <Code>{k.prefix}…</Code> {k.name}
                      </Table.Td>
                      <Table.Td visibleFrom="sm" className="tabular">
                        {formatDateTime(k.createdAt)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {k.revokedAt ? (
                          <Badge color="gray" variant="outline" radius="sm" tt="none">
                            Revoked
                          </Badge>
                        ) : (
                          <Button
                            size="xs"
                            color="red"
                            variant="light"
                            aria-label={`Revoke ${k.prefix}`}
                            onClick={() =>
                              window.confirm('Revoke this key? Callers using it are refused at once.') &&
                              revoke.mutate(k)
                            }
                          >
                            Revoke
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create.mutateAsync(name.trim()).then((key) => {
            setCreated(key);
            setName('');
          });
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Key name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={{ base: '100%', sm: 260 }}
          />
          <Button type="submit" variant="default" loading={create.isPending}>
            Create key
          </Button>
        </Group>
      </form>
      <Problem error={create.error ?? revoke.error} />
      <Modal opened={created !== null} onClose={() => setCreated(null)} title="Your new API key">
        <Stack gap="sm">
          <Text size="sm">Copy it now: it is shown only this once.</Text>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {created?.key}
          </Code>
          <Group>
            <CopyButton value={created?.key ?? ''}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy key'}</Button>}
            </CopyButton>
            <Button variant="default" onClick={() => setCreated(null)}>
              Done
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
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
          aria-label={`WhatsApp feature for ${workspace.name}`}
          description="Lets this workspace turn WhatsApp on for its numbers, and its agents send WhatsApp"
          checked={hasWhatsapp}
          disabled={feature.isPending}
          onChange={(e) => feature.mutate(e.currentTarget.checked)}
        />
        <Problem error={feature.error} />
      </Stack>
      <Numbers workspace={workspace} />
      <Keys workspace={workspace} />
    </Stack>
  );
}

export function WorkspacesAdmin() {
  const workspaces = useWorkspaces();
  const [name, setName] = useState('');
  const create = useAdminMutation((n: string) => request<Workspace>('POST', '/v1/workspaces', { name: n }));
  return (
    <Stack gap="md">
      <Paper>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create.mutateAsync(name.trim()).then(() => setName(''));
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label="New workspace"
              placeholder="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={{ base: '100%', sm: 320 }}
            />
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create workspace
            </Button>
          </Group>
        </form>
        <Problem error={create.error} />
      </Paper>
      {workspaces.error ? (
        <ErrorNotice error={workspaces.error} onRetry={() => void workspaces.refetch()} />
      ) : (
        <QueryState query={workspaces} loadingLabel="Loading workspaces…">
          {(items) =>
            items.length === 0 ? (
              <EmptyNotice title="No workspaces yet" />
            ) : (
              <Accordion variant="separated" radius="md">
                {items.map((w) => (
                  <Accordion.Item key={w.id} value={w.id}>
                    <Accordion.Control>
                      <Group gap="sm">
                        <Text fw={600}>{w.name}</Text>
                        {w.features.includes('whatsapp') ? (
                          <Badge color="green" variant="light" radius="sm" tt="none">
                            WhatsApp
                          </Badge>
                        ) : null}
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <WorkspaceDetails workspace={w} />
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            )
          }
        </QueryState>
      )}
    </Stack>
  );
}
