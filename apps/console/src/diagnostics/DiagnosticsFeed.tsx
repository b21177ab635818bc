import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ChannelBadge } from '../shared/ChannelBadge';
import { LoadMore } from '../shared/cursor-list';
import { formatDateTime } from '../shared/format';
import { EmptyNotice, ErrorNotice, Loading } from '../shared/QueryState';
import type { Diagnostic, DiagnosticKind } from './diagnostics-api';

export const KIND_LABELS: Record<DiagnosticKind, string> = {
  inbound_rejected: 'Message dropped',
  media_refused: 'File not kept',
  turn_skipped: 'Not answered',
  send_skipped: 'Send skipped',
  send_failed: 'Send failed',
  delivery_failed: 'Not delivered',
};
const KIND_COLORS: Record<DiagnosticKind, string> = {
  inbound_rejected: 'orange',
  media_refused: 'grape',
  turn_skipped: 'yellow',
  send_skipped: 'blue',
  send_failed: 'red',
  delivery_failed: 'red',
};
const FILTERS = [
  { value: 'all', label: 'All' },
  ...(Object.entries(KIND_LABELS) as Array<[DiagnosticKind, string]>).map(([value, label]) => ({
    value,
    label,
  })),
];

export interface FeedList {
  isPending: boolean;
  error: unknown;
  items: Diagnostic[];
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** Where a record points: its chat, the automation run that asked for the send. */
function Links({ links }: { links: Diagnostic['links'] }) {
  const items = [];
  if (links.chatId)
    items.push(
      <Anchor key="chat" component={Link} to={`/chats/${links.chatId}`} size="sm">
        Open chat
      </Anchor>,
    );
  if (links.ruleRunId)
    items.push(
      <Anchor key="rule" component={Link} to="/automations" size="sm">
        Rule run
      </Anchor>,
    );
  if (links.routineRunId)
    items.push(
      <Anchor key="routine" component={Link} to="/automations" size="sm">
        Routine run
      </Anchor>,
    );
  if (!items.length && links.messageSid)
    return (
      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {links.messageSid}
      </Text>
    );
  return <Group gap="xs">{items}</Group>;
}

/** The feed: a kind filter and the records, each with what, why, when, who (masked) and links. */
export function DiagnosticsFeed({
  list,
  kind,
  onKindChange,
}: {
  list: FeedList;
  kind: DiagnosticKind | null;
  onKindChange: (kind: DiagnosticKind | null) => void;
}) {
  let body;
  if (list.isPending) body = <Loading label="Loading diagnostics…" />;
  else if (list.error)
    body = (
      <ErrorNotice
        error={list.error}
        title="Could not load diagnostics"
        onRetry={() => void list.refetch()}
      />
    );
  else if (!list.items.length)
    body = (
      <EmptyNotice title={kind ? `No “${KIND_LABELS[kind]}” records` : 'Nothing to report'}>
        Every message was accepted and answered, and every send went out, as far as the last days go.
      </EmptyNotice>
    );
  else
    body = (
      <>
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="sm" aria-label="Diagnostics">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>What</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th visibleFrom="sm">When</Table.Th>
                <Table.Th visibleFrom="md">Links</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ verticalAlign: 'top', minWidth: 140 }}>
                    <Stack gap={4} align="flex-start">
                      <Badge
                        variant="light"
                        color={KIND_COLORS[d.kind]}
                        radius="sm"
                        tt="none"
                        // The whole label, wrapped if the cell is narrow: clipped, "Message dro…" says nothing.
                        h="auto"
                        py={2}
                        styles={{ label: { overflow: 'visible', whiteSpace: 'normal' } }}
                      >
                        {KIND_LABELS[d.kind]}
                      </Badge>
                      {d.channel ? <ChannelBadge channel={d.channel} /> : null}
                      {d.address ? (
                        <Text size="sm" className="tabular" aria-label="Address (masked)">
                          {d.address}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text size="sm">{d.reason}</Text>
                    {/* At narrow widths the When and Links columns are hidden: shown under the reason. */}
                    <Stack gap={2} mt={4} hiddenFrom="md">
                      <Text size="xs" c="dimmed" className="tabular" hiddenFrom="sm">
                        {formatDateTime(d.occurredAt)}
                      </Text>
                      <Links links={d.links} />
                    </Stack>
                  </Table.Td>
                  <Table.Td visibleFrom="sm" className="tabular" style={{ verticalAlign: 'top' }}>
                    <Text size="sm">{formatDateTime(d.occurredAt)}</Text>
                  </Table.Td>
                  <Table.Td visibleFrom="md" style={{ verticalAlign: 'top' }}>
                    <Links links={d.links} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <LoadMore list={list} count={list.items.length} />
      </>
    );

  return (
    <>
      {/* A native select: six kinds fit a phone's width, and every browser knows how to use it. */}
      <NativeSelect
        label="Show"
        data={FILTERS}
        value={kind ?? 'all'}
        onChange={(event) =>
          onKindChange(
            event.currentTarget.value === 'all' ? null : (event.currentTarget.value as DiagnosticKind),
          )
        }
        mb="md"
        w={240}
        maw="100%"
      />
      {body}
    </>
  );
}
