import { useMemo, useState } from 'react';
import { Badge, Box, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, Outlet, useLocation, useMatch, useSearchParams } from 'react-router';
import type { Channel, Chat } from '../api/types';
import { useSession } from '../auth/session';
import { ChannelBadge } from '../shared/ChannelBadge';
import { LoadMore } from '../shared/cursor-list';
import { formatWhen } from '../shared/format';
import { LabelledSegmentedControl } from '../shared/LabelledSegmentedControl';
import { PageHeader } from '../shared/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../shared/QueryState';
import { useChatList, useLastMessage, useMemberSummary, type ChatFilter } from './chat-api';
import { activityOf } from './chat-cache';
import { useChatStream, type StreamState } from './chat-stream';
import { memberLabel } from './member-label';

const CHANNELS = [
  { value: 'all', label: 'All' },
  { value: 'whatsapp', label: 'WhatsApp' },
  { value: 'sms', label: 'SMS' },
];

/** Wide enough for the list and the thread side by side (Mantine's md). */
const SIDE_BY_SIDE = '(min-width: 62em)';

function LastMessage({ chat }: { chat: Chat }) {
  const last = useLastMessage(chat.id);
  if (last.isPending)
    return (
      <Text size="sm" c="dimmed">
        …
      </Text>
    );
  if (!last.data)
    return (
      <Text size="sm" c="dimmed">
        No messages yet
      </Text>
    );
  const m = last.data;
  const text = m.body ?? (m.contentSid ? 'Template' : m.media.length ? 'Attachment' : '(no text)');
  const failed = m.status === 'failed' || m.status === 'undelivered' || m.status === 'skipped';
  return (
    <Text size="sm" c={failed ? 'red.8' : 'dimmed'} lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
      {m.direction === 'outbound' ? (failed ? 'Not delivered: ' : 'Sent: ') : ''}
      {text}
    </Text>
  );
}

function ChatRow({
  chat,
  selected,
  me,
  now,
  search,
}: {
  chat: Chat;
  selected: boolean;
  me: string;
  now: Date;
  /** The list's filters, kept when a chat opens. */
  search: string;
}) {
  const member = useMemberSummary(chat.memberId);
  const name = member.data ? memberLabel(member.data) : member.isPending ? '…' : 'Unknown member';
  const unread = chat.unreadCount;
  return (
    <li style={{ listStyle: 'none' }}>
      <UnstyledButton
        component={Link}
        to={{ pathname: `/chats/${chat.id}`, search }}
        aria-current={selected ? 'page' : undefined}
        display="block"
        w="100%"
        px="sm"
        py={10}
        className="inbox-row"
        data-selected={selected || undefined}
      >
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={unread ? 700 : 600} size="sm" truncate style={{ minWidth: 0 }}>
            {name}
          </Text>
          <Text size="xs" c="dimmed" className="tabular" style={{ flexShrink: 0 }}>
            {formatWhen(activityOf(chat), now)}
          </Text>
        </Group>
        <Group justify="space-between" gap="xs" wrap="nowrap" mt={2}>
          <Box style={{ minWidth: 0, flex: 1 }}>
            <LastMessage chat={chat} />
          </Box>
          {unread ? (
            <Badge size="sm" circle={unread < 10} color="teal" aria-label={`${unread} unread`}>
              {unread}
            </Badge>
          ) : null}
        </Group>
        <Group gap={6} mt={6} wrap="wrap">
          <ChannelBadge channel={chat.channel} />
          {chat.heldBy ? (
            <Badge
              size="sm"
              variant="light"
              color={chat.heldBy.actor === me ? 'teal' : 'grape'}
              radius="sm"
              tt="none"
            >
              {chat.heldBy.actor === me ? 'You hold it' : `Held by ${chat.heldBy.name}`}
            </Badge>
          ) : null}
          {chat.waitingSince && !chat.heldBy ? (
            <Badge size="sm" variant="light" color="orange" radius="sm" tt="none">
              Waiting
            </Badge>
          ) : null}
          {chat.status === 'closed' ? (
            <Badge size="sm" color="gray" variant="outline" radius="sm" tt="none">
              Closed
            </Badge>
          ) : null}
        </Group>
      </UnstyledButton>
    </li>
  );
}

function StreamBadge({ state }: { state: StreamState }) {
  return (
    <Text size="sm" c={state === 'live' ? 'teal.8' : 'orange.8'} role="status" aria-live="polite">
      {state === 'live' ? '● Live' : '○ Reconnecting…'}
    </Text>
  );
}

function ChatList({ filter, selectedId }: { filter: ChatFilter; selectedId: string | null }) {
  const list = useChatList(filter);
  const { user } = useSession();
  const { search } = useLocation();
  const [now] = useState(() => new Date());
  // The queue: the longest waiting first, as the api gives it. Else latest activity first (the api
  // pages newest chats first; the stream brings chats with news).
  const items = useMemo(
    () =>
      filter.waiting
        ? list.items
        : [...list.items].sort((a, b) => activityOf(b).localeCompare(activityOf(a))),
    [list.items, filter.waiting],
  );
  if (list.isPending) return <Loading label="Loading chats…" />;
  if (list.error) return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  if (!items.length)
    return filter.waiting ? (
      <EmptyNotice title="Nobody is waiting">
        A chat waits here when the AI hands it to a person, or its number answers with people only.
      </EmptyNotice>
    ) : (
      <EmptyNotice title={filter.channel ? 'No chats on this channel' : 'No chats yet'}>
        A chat starts when a member messages one of your numbers, or an action starts one. New chats appear
        here as they start.
      </EmptyNotice>
    );
  return (
    <>
      <Stack component="ul" gap={0} p={0} m={0} aria-label="Chats" className="inbox-list">
        {items.map((c) => (
          <ChatRow
            key={c.id}
            chat={c}
            selected={c.id === selectedId}
            me={`user:${user.id}`}
            now={now}
            search={search}
          />
        ))}
      </Stack>
      <LoadMore list={list} count={items.length} />
    </>
  );
}

/**
 * The inbox: the chats, live, and the open chat beside them on wide screens (one or the other on
 * phones). The live stream runs while the inbox is open.
 */
export function ChatsPage() {
  const [params, setParams] = useSearchParams();
  const channel = (params.get('channel') as Channel | null) ?? null;
  const filter: ChatFilter = { channel, waiting: params.get('view') === 'waiting' };
  const waiting = useChatList({ channel: null, waiting: true });
  const waitingCount = waiting.items.length;
  const stream = useChatStream();
  const match = useMatch('/chats/:id');
  const selectedId = match?.params.id ?? null;
  const wide = useMediaQuery(SIDE_BY_SIDE, true, { getInitialValueInEffect: false }) ?? true;

  const choose = (name: 'view' | 'channel', value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'all') next.delete(name);
    else next.set(name, value);
    setParams(next);
  };
  const filters = (
    <Stack gap={6} px={wide ? 'sm' : 0} py="xs">
      <LabelledSegmentedControl
        label="Show"
        labelWidth={58}
        size="xs"
        data={[
          { value: 'all', label: 'All chats' },
          {
            value: 'waiting',
            label: waitingCount ? `Waiting (${waitingCount}${waiting.hasNextPage ? '+' : ''})` : 'Waiting',
          },
        ]}
        value={filter.waiting ? 'waiting' : 'all'}
        onChange={(value) => choose('view', value)}
      />
      <LabelledSegmentedControl
        label="Channel"
        labelWidth={58}
        size="xs"
        data={CHANNELS}
        value={channel ?? 'all'}
        onChange={(value) => choose('channel', value)}
      />
    </Stack>
  );

  if (!wide) {
    // Phones: the open chat alone, else the list.
    if (selectedId) return <Outlet context={{ wide: false }} />;
    return (
      <>
        <PageHeader
          title="Chats"
          description="Conversations on every number, as they happen."
          actions={<StreamBadge state={stream} />}
        />
        {filters}
        <Paper p={0}>
          <ChatList filter={filter} selectedId={null} />
        </Paper>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Chats"
        description="Conversations on every number, as they happen."
        actions={<StreamBadge state={stream} />}
      />
      <Group
        align="stretch"
        gap="md"
        wrap="nowrap"
        // The page fits the window: the list and the thread scroll on their own.
        h="calc(100dvh - 56px - 2 * var(--mantine-spacing-lg) - 90px)"
        mih={420}
      >
        <Paper p={0} w={360} style={{ flexShrink: 0, display: 'flex', flexDirection: 'column' }}>
          {filters}
          <ScrollArea style={{ flex: 1 }} type="auto">
            <ChatList filter={filter} selectedId={selectedId} />
          </ScrollArea>
        </Paper>
        <Paper p="md" style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          {selectedId ? (
            <Outlet context={{ wide: true }} />
          ) : (
            <Stack justify="center" h="100%">
              <EmptyNotice title="Choose a chat">
                Its messages show here. Take it over to answer the member yourself.
              </EmptyNotice>
            </Stack>
          )}
        </Paper>
      </Group>
    </>
  );
}
