import { useState } from 'react';
import { Anchor, Badge, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Channel, Chat } from '../api/types';
import { ChannelBadge } from '../shared/ChannelBadge';
import { LoadMore } from '../shared/cursor-list';
import { formatWhen, memberName } from '../shared/format';
import { PageHeader } from '../shared/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../shared/QueryState';
import { usePhoneNumbers } from '../phone-numbers/phone-number-api';
import { useChatList, useMemberSummary } from './chat-api';

function MemberCell({ chat }: { chat: Chat }) {
  const member = useMemberSummary(chat.memberId);
  const name = member.data ? memberName(member.data) : member.isPending ? '…' : 'Unknown member';
  return (
    <Anchor component={Link} to={`/chats/${chat.id}`} fw={600} onClick={(e) => e.stopPropagation()}>
      {name}
    </Anchor>
  );
}

const CHANNELS = [
  { value: 'all', label: 'All' },
  { value: 'whatsapp', label: 'WhatsApp' },
  { value: 'sms', label: 'SMS' },
];

export function ChatsPage() {
  const [params, setParams] = useSearchParams();
  const channel = (params.get('channel') as Channel | null) ?? null;
  const list = useChatList(channel);
  const numbers = usePhoneNumbers(true);
  const navigate = useNavigate();
  const [now] = useState(() => new Date());
  const numberOf = (id: string) => numbers.data?.items.find((n) => n.id === id)?.number ?? '';

  let body;
  if (list.isPending) body = <Loading label="Loading chats…" />;
  else if (list.error) body = <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  else if (!list.items.length)
    body = (
      <EmptyNotice title={channel ? 'No chats on this channel' : 'No chats yet'}>
        A chat starts when a member messages one of your numbers, or an action starts one.
      </EmptyNotice>
    );
  else
    body = (
      <>
        <Table.ScrollContainer minWidth={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Member</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th visibleFrom="sm">Number</Table.Th>
                <Table.Th>Last message</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((c) => (
                <Table.Tr key={c.id} className="row-link" onClick={() => void navigate(`/chats/${c.id}`)}>
                  <Table.Td>
                    <MemberCell chat={c} />
                    {c.status === 'closed' ? (
                      <Badge ml="xs" color="gray" variant="outline" radius="sm" tt="none">
                        Closed
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <ChannelBadge channel={c.channel} />
                  </Table.Td>
                  <Table.Td visibleFrom="sm" className="tabular">
                    {numberOf(c.phoneNumberId)}
                  </Table.Td>
                  <Table.Td className="tabular">
                    <Text size="sm">{formatWhen(c.lastMessageAt ?? c.createdAt, now)}</Text>
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
      <PageHeader title="Chats" description="Conversations on every number, newest first." />
      <Group mb="md" gap="sm">
        <Text size="sm" fw={500} id="channel-filter">
          Channel
        </Text>
        <SegmentedControl
          aria-labelledby="channel-filter"
          data={CHANNELS}
          value={channel ?? 'all'}
          onChange={(value) => setParams(value === 'all' ? {} : { channel: value })}
        />
      </Group>
      <Paper p={0}>{body}</Paper>
    </>
  );
}
