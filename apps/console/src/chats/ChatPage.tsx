import { Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Chat, ChatMessage } from '../api/types';
import { ChannelBadge } from '../shared/ChannelBadge';
import { formatDateTime, memberName } from '../shared/format';
import { PageHeader } from '../shared/PageHeader';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { useAction } from '../shared/use-action';
import { useChat, useChatMessages, useCloseChat, useMemberSummary } from './chat-api';
import { failureReason, statusColor, statusLabel } from './delivery';

function MessageBubble({ message }: { message: ChatMessage }) {
  const inbound = message.direction === 'inbound';
  const reason = failureReason(message);
  return (
    <Box
      component="li"
      style={{
        listStyle: 'none',
        alignSelf: inbound ? 'flex-start' : 'flex-end',
        maxWidth: 'min(560px, 88%)',
      }}
    >
      <Paper
        p="sm"
        bg={inbound ? 'gray.0' : 'teal.0'}
        withBorder
        aria-label={`${inbound ? 'From the member' : 'Sent'}, ${formatDateTime(message.createdAt)}`}
      >
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body ?? (message.contentSid ? `Template ${message.contentSid}` : '(no text)')}
        </Text>
        {message.media.length ? (
          <Text size="xs" c="dimmed">
            {message.media.length === 1 ? '1 attachment' : `${message.media.length} attachments`} (not shown)
          </Text>
        ) : null}
        <Group gap={6} mt={6} justify="flex-end">
          <Text size="xs" c="dimmed" className="tabular">
            {formatDateTime(message.createdAt)}
          </Text>
          {!inbound ? (
            <Badge size="sm" variant="light" color={statusColor(message.status)} radius="sm" tt="none">
              {statusLabel(message.status)}
            </Badge>
          ) : null}
        </Group>
        {reason ? (
          <Text size="sm" c="red.8" mt={6} role="note">
            {reason}
            {message.errorCode && message.errorReason ? ` (Twilio error ${message.errorCode})` : ''}
          </Text>
        ) : null}
      </Paper>
    </Box>
  );
}

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
        {chat.closesAt ? <span>Closes {formatDateTime(chat.closesAt)} if quiet</span> : null}
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

export function ChatPage() {
  const { id = '' } = useParams();
  const chat = useChat(id);
  const messages = useChatMessages(id);
  const member = useMemberSummary(chat.data?.memberId ?? '');
  const title = member.data ? memberName(member.data) : 'Chat';
  const close = useCloseChat(id);
  const { problem, act } = useAction();

  return (
    <>
      <Anchor component={Link} to="/chats" size="sm">
        ← Chats
      </Anchor>
      <PageHeader
        title={title}
        description={
          chat.data ? (
            <Group gap="xs" component="span">
              <ChannelBadge channel={chat.data.channel} />
              <span>Started {formatDateTime(chat.data.createdAt)}</span>
              <ChatStatus chat={chat.data} />
              {member.data ? (
                <Anchor component={Link} to={`/members/${member.data.id}`} size="sm">
                  Member details
                </Anchor>
              ) : null}
            </Group>
          ) : undefined
        }
        actions={
          chat.data?.status === 'open' ? (
            <Button
              variant="default"
              loading={close.isPending}
              onClick={() =>
                window.confirm('Close this chat? The member’s next message starts a new one.') &&
                void act(() => close.mutateAsync())
              }
            >
              Close chat
            </Button>
          ) : null
        }
      />
      {problem ? (
        <Alert color="red" mb="md" title="The chat was not closed">
          {problem}
        </Alert>
      ) : null}
      <QueryState query={messages} loadingLabel="Loading the conversation…">
        {(page) =>
          page.items.length === 0 ? (
            <EmptyNotice title="No messages in this chat" />
          ) : (
            <Stack component="ol" gap="sm" p={0} m={0} aria-label="Messages">
              {page.items.map((m) => (
                <MessageBubble key={m.id} message={m} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
