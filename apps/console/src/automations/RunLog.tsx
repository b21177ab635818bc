import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ActionRun } from '../api/types';
import { useMemberSummary } from '../chats/chat-api';
import { formatDateTime, memberName } from '../shared/format';
import { EmptyNotice } from '../shared/QueryState';

const STATUS: Record<ActionRun['status'], [string, string]> = {
  pending: ['Pending', 'gray'],
  sent: ['Sent', 'teal'],
  skipped: ['Skipped', 'orange'],
  failed: ['Failed', 'red'],
};

function MemberLink({ id }: { id: string | null }) {
  const member = useMemberSummary(id ?? '');
  if (!id) return <Text c="dimmed">No member</Text>;
  return (
    <Anchor component={Link} to={`/members/${id}`} size="sm">
      {member.data ? memberName(member.data) : member.isPending ? '…' : 'Unknown member'}
    </Anchor>
  );
}

/** Each run of an action: when, for whom, what happened and why. */
export function RunLog({ runs, emptyText }: { runs: ActionRun[]; emptyText: string }) {
  if (!runs.length) return <EmptyNotice title="No runs yet">{emptyText}</EmptyNotice>;
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table aria-label="Run log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th visibleFrom="sm">When</Table.Th>
            <Table.Th>Member</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => {
            const [label, color] = STATUS[run.status];
            return (
              <Table.Tr key={run.id}>
                <Table.Td visibleFrom="sm" className="tabular">
                  {formatDateTime(run.createdAt)}
                </Table.Td>
                <Table.Td>
                  <MemberLink id={run.memberId} />
                  <Text size="xs" c="dimmed" hiddenFrom="sm" className="tabular">
                    {formatDateTime(run.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={color} variant="light" radius="sm" tt="none" style={{ overflow: 'visible' }}>
                    {label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {run.reason ? <Text size="sm">{run.reason}</Text> : <Text c="dimmed">—</Text>}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
