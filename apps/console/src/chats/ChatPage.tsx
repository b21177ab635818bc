import { useEffect, useRef } from 'react';
import { Alert, Anchor, Badge, Button, Group, ScrollArea, Stack, Title } from '@mantine/core';
import { Link, useLocation, useOutletContext, useParams } from 'react-router';
import { isWindowOpen } from '@app/rules';
import type { Chat, ChatMessage } from '../api/types';
import { useSession } from '../auth/session';
import { ChannelBadge } from '../shared/ChannelBadge';
import { formatDateTime, formatWhen } from '../shared/format';
import { EmptyNotice, ErrorNotice, Loading } from '../shared/QueryState';
import { useAction } from '../shared/use-action';
import {
  useChat,
  useChatMessages,
  useCloseChat,
  useHandBack,
  useMarkRead,
  useMemberSummary,
  useMemberWindowsFor,
  useSendReply,
  useTakeOver,
} from './chat-api';
import { MessageBubble } from './MessageBubble';
import { memberLabel, replyKey } from './member-label';
import { ThreadControls } from './ThreadControls';

const CLOSED_BECAUSE: Record<NonNullable<Chat['closedReason']>, string> = {
  inactivity: 'no message for the number’s inactivity time',
  request: 'closed by a person',
  agent: 'ended by the agent',
};

/** Open (until when, unless a message comes) or closed (when, and why). */
function ChatStatus({ chat }: { chat: Chat }) {
  if (chat.status === 'open')
    return (
      <>
        <Badge color="teal" variant="light" radius="sm" tt="none">
          Open
        </Badge>
        {chat.closesAt ? <span>Closes {formatWhen(chat.closesAt)} if quiet</span> : null}
      </>
    );
  return (
    <>
      <Badge color="gray" variant="outline" radius="sm" tt="none">
        Closed
      </Badge>
      {chat.closedAt ? (
        <span>
          {formatDateTime(chat.closedAt)}
          {chat.closedReason ? `: ${CLOSED_BECAUSE[chat.closedReason]}` : ''}
        </span>
      ) : null}
    </>
  );
}

/**
 * Whether free text reaches the member: SMS always; WhatsApp within 24 hours of their last message
 * (on this number, in this thread or an earlier chat: the member's windows).
 */
function useWindowOpen(chat: Chat | undefined, messages: ChatMessage[] | undefined): boolean {
  const whatsapp = chat?.channel === 'whatsapp';
  const windows = useMemberWindowsFor(chat?.memberId ?? '', whatsapp);
  if (!chat || !whatsapp) return true;
  const stored = windows.data?.items?.find(
    (w) => w.phoneNumberId === chat.phoneNumberId && w.channel === chat.channel,
  )?.lastInboundAt;
  const inThread = messages?.filter((m) => m.direction === 'inbound').at(-1)?.createdAt;
  const last = [stored, inThread].filter(Boolean).sort().at(-1);
  return isWindowOpen(last ? new Date(last) : null, new Date());
}

/** One chat: who it is with, who answers it, its messages, and the reply box. */
export function ChatPage() {
  const { id = '' } = useParams();
  const wide = useOutletContext<{ wide: boolean } | undefined>()?.wide ?? false;
  const { search } = useLocation();
  const { user } = useSession();
  const me = `user:${user.id}`;
  const chat = useChat(id);
  const messages = useChatMessages(id);
  const member = useMemberSummary(chat.data?.memberId ?? '');
  const close = useCloseChat(id);
  const takeOver = useTakeOver(id);
  const handBack = useHandBack(id);
  const markRead = useMarkRead(id);
  const reply = useSendReply(id);
  const windowOpen = useWindowOpen(chat.data, messages.data?.items);
  const { problem, act } = useAction();
  const viewport = useRef<HTMLDivElement>(null);
  const count = messages.data?.items.length ?? 0;

  // Opened, or a message arrived while open: the chat is read.
  const unread = chat.data?.unreadCount ?? 0;
  const { mutate: read, isPending: reading } = markRead;
  useEffect(() => {
    if (unread > 0 && !reading) read();
  }, [unread, reading, read, id]);

  // The newest message in view, as a chat app does.
  useEffect(() => {
    const el = viewport.current;
    if (el) el.scrollTo({ top: el.scrollHeight });
  }, [count, id]);

  if (chat.isPending) return <Loading label="Loading the chat…" />;
  if (chat.error || !chat.data) return <ErrorNotice error={chat.error} onRetry={() => void chat.refetch()} />;
  const c = chat.data;
  const title = member.data ? memberLabel(member.data) : member.isPending ? 'Chat' : 'Unknown member';

  let thread;
  if (messages.isPending) thread = <Loading label="Loading the conversation…" />;
  else if (messages.error)
    thread = <ErrorNotice error={messages.error} onRetry={() => void messages.refetch()} />;
  else if (!count) thread = <EmptyNotice title="No messages in this chat yet" />;
  else
    thread = (
      <Stack component="ol" gap="sm" p={0} m={0} aria-label="Messages">
        {messages.data.items.map((m) => (
          <MessageBubble key={m.id} message={m} />
        ))}
      </Stack>
    );

  return (
    <Stack gap="sm" h={wide ? '100%' : undefined} style={{ minWidth: 0 }}>
      {!wide ? (
        <Anchor component={Link} to={{ pathname: '/chats', search }} size="sm">
          ← Chats
        </Anchor>
      ) : null}
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          <Group gap="xs" wrap="wrap" fz="sm" c="dimmed">
            <ChannelBadge channel={c.channel} />
            <ChatStatus chat={c} />
            {member.data ? (
              <Anchor component={Link} to={`/members/${member.data.id}`} size="sm">
                Member details
              </Anchor>
            ) : null}
          </Group>
        </Stack>
        {c.status === 'open' ? (
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            loading={close.isPending}
            onClick={() =>
              window.confirm('Close this chat? The member’s next message starts a new one.') &&
              void act(() => close.mutateAsync())
            }
          >
            Close chat
          </Button>
        ) : null}
      </Group>
      {problem ? (
        <Alert color="red" title="The chat was not closed" role="alert">
          {problem}
        </Alert>
      ) : null}
      {wide ? (
        <ScrollArea viewportRef={viewport} style={{ flex: 1, minHeight: 0 }} offsetScrollbars type="auto">
          {thread}
        </ScrollArea>
      ) : (
        thread
      )}
      <ThreadControls
        chat={c}
        me={me}
        windowOpen={windowOpen}
        onTakeOver={() => takeOver.mutateAsync()}
        onHandBack={() => handBack.mutateAsync()}
        onSend={(body) => reply.mutateAsync({ body, idempotencyKey: replyKey() })}
      />
    </Stack>
  );
}
