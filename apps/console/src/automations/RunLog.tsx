import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ActionRun } from '../api/types';

/** A rule's run or a routine run's result for one member: what the log shows of either. */
export interface RunRow {
  id?: string;
  memberId: string | null;
  status: ActionRun['status'];
  reason: string | null;
  /** Twilio's error code of an undelivered send. */
  errorCode?: string | null;
  createdAt?: string;
  updatedAt?: string;
}
import { useMemberSummary } from '../chats/chat-api';
import { formatDateTime, memberName } from '../shared/format';
import { DataTable } from '../shared/DataTable';
import { EmptyNotice } from '../shared/QueryState';
import { StatusTag } from '../shared/Tag';

const STATUS: Record<ActionRun['status'], [string, string]> = {
  pending: ['Pending', 'gray'],
  // Outbound has it, Twilio not yet.
  accepted: ['Accepted', 'blue'],
  sent: ['Sent', 'teal'],
  skipped: ['Skipped', 'orange'],
  failed: ['Failed', 'red'],
  undelivered: ['Undelivered', 'red'],
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
export function RunLog({
  runs,
  emptyText,
  emptyTitle = 'No runs yet',
  label = 'Run log',
}: {
  runs: RunRow[];
  emptyText: string;
  emptyTitle?: string;
  label?: string;
}) {
  if (!runs.length) return <EmptyNotice title={emptyTitle}>{emptyText}</EmptyNotice>;
  return (
    <DataTable label={label} columns={[{ title: 'When', visibleFrom: 'sm' }, 'Member', 'Status', 'Reason']}>
      {runs.map((run) => {
        const when = run.createdAt ?? run.updatedAt;
        return (
          <Table.Tr key={run.id ?? run.memberId}>
            <Table.Td visibleFrom="sm" className="tabular">
              {formatDateTime(when)}
            </Table.Td>
            <Table.Td>
              <MemberLink id={run.memberId} />
              <Text size="xs" c="dimmed" hiddenFrom="sm" className="tabular">
                {formatDateTime(when)}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <StatusTag status={STATUS[run.status]} />
            </Table.Td>
            <Table.Td>
              {run.reason ? (
                <Text size="sm">
                  {run.reason}
                  {run.errorCode ? ` (Twilio ${run.errorCode})` : ''}
                </Text>
              ) : (
                <Text c="dimmed">—</Text>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
