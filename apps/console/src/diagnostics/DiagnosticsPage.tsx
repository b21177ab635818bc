import { useState } from 'react';
import { Badge, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { request } from '../api/client';
import type { Page } from '../api/types';
import { useWorkspaceKey } from '../auth/session';
import { formatDateTime } from '../shared/format';
import { PageHeader } from '../shared/PageHeader';
import { EmptyNotice, QueryState } from '../shared/QueryState';

/** One entry of `GET /v1/diagnostics` (rejected inbound messages, skipped turns). */
interface Diagnostic {
  id: string;
  kind: string;
  reason: string;
  channel?: string | null;
  from?: string | null;
  to?: string | null;
  chatId?: string | null;
  at?: string;
  createdAt?: string;
}

const KINDS = [
  { value: 'all', label: 'All' },
  { value: 'rejected_inbound', label: 'Rejected messages' },
  { value: 'skipped_turn', label: 'Skipped turns' },
];

export function DiagnosticsPage() {
  const [kind, setKind] = useState('all');
  const key = useWorkspaceKey();
  const feed = useQuery({
    queryKey: key('diagnostics', kind),
    queryFn: () =>
      request<Page<Diagnostic>>(
        'GET',
        `/v1/diagnostics${kind === 'all' ? '' : `?kind=${encodeURIComponent(kind)}`}`,
      ),
    refetchInterval: 15_000,
  });
  return (
    <>
      <PageHeader
        title="Diagnostics"
        description="Messages the system turned away and turns it did not take, with the reason for each."
      />
      <Group mb="md" gap="sm">
        <Text size="sm" fw={500} id="diagnostics-kind">
          Show
        </Text>
        <SegmentedControl aria-labelledby="diagnostics-kind" data={KINDS} value={kind} onChange={setKind} />
      </Group>
      <Paper p={0}>
        <QueryState query={feed} loadingLabel="Loading diagnostics…">
          {(page) =>
            page.items.length === 0 ? (
              <EmptyNotice title="Nothing to report">
                No message was rejected and no turn was skipped.
              </EmptyNotice>
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>When</Table.Th>
                      <Table.Th>What</Table.Th>
                      <Table.Th>Reason</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td className="tabular">{formatDateTime(d.at ?? d.createdAt)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color="orange" radius="sm" tt="none">
                            {KINDS.find((k) => k.value === d.kind)?.label ?? d.kind}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{d.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Paper>
    </>
  );
}
