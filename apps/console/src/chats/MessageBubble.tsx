import { Badge, Box, Group, Paper, Text } from '@mantine/core';
import type { ChatMessage } from '../api/types';
import { formatDateTime, formatWhen } from '../shared/format';
import { failureReason, statusColor, statusLabel } from './delivery';
import { MessageMedia } from './MessageMedia';

/** One message of a thread: the member's on the left, what was sent on the right with its status (and why it failed). */
export function MessageBubble({ message }: { message: ChatMessage }) {
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
          {message.body ??
            (message.contentSid ? `Template ${message.contentSid}` : message.media.length ? '' : '(no text)')}
        </Text>
        <MessageMedia media={message.media} />
        {message.interactive ? (
          <Text size="xs" c="dimmed">
            {message.interactive.type === 'buttons'
              ? `Buttons: ${message.interactive.buttons.map((b) => b.title).join(' · ')}`
              : `List "${message.interactive.button}": ${message.interactive.items.map((i) => i.title).join(' · ')}`}
          </Text>
        ) : null}
        {message.choice ? (
          <Text size="xs" c="dimmed">
            Pressed {message.choice.kind === 'button' ? 'button' : 'list item'} {message.choice.id}
          </Text>
        ) : null}
        <Group gap={6} mt={6} justify="flex-end">
          <Text size="xs" c="dimmed" className="tabular">
            {formatWhen(message.createdAt)}
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
