import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { describeError } from '../api/errors';
import type { Chat } from '../api/types';
import { formatWhen } from '../shared/format';

export interface ReplyOutcome {
  status: string;
  reason: string | null;
}

/** Why the reply box is closed, in words; null when the user may write. */
export function replyBlockedBecause(chat: Chat, me: string, windowOpen: boolean): string | null {
  if (chat.status !== 'open') return 'This chat is closed: the member’s next message starts a new one.';
  if (!chat.heldBy) return 'Take over the chat to reply: the AI answers it until someone does.';
  if (chat.heldBy.actor !== me) return `${chat.heldBy.name} holds this chat: only they can reply.`;
  if (!windowOpen)
    return (
      'Outside WhatsApp’s 24-hour window: the member has not written on WhatsApp for 24 hours, so ' +
      'only an approved template can reach them until they write again (none can be sent from the inbox).'
    );
  return null;
}

/** Who answers the chat now: the AI, the user, or someone else; and whether it waits for a person. */
function HoldLine({ chat, me }: { chat: Chat; me: string }) {
  const held = chat.heldBy;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        {held ? (
          <Badge color={held.actor === me ? 'teal' : 'grape'} variant="light" radius="sm" tt="none">
            {held.actor === me ? 'You hold this chat' : `Held by ${held.name}`}
          </Badge>
        ) : (
          <Badge color="blue" variant="light" radius="sm" tt="none">
            The AI answers
          </Badge>
        )}
        {held ? (
          <Text size="xs" c="dimmed">
            since {formatWhen(held.since)}
          </Text>
        ) : null}
        {chat.waitingSince && !held ? (
          <Badge color="orange" variant="light" radius="sm" tt="none">
            Waiting for a person since {formatWhen(chat.waitingSince)}
          </Badge>
        ) : null}
        {chat.assignedTo ? (
          <Text size="xs" c="dimmed">
            Assigned to {chat.assignedTo.actor === me ? 'you' : chat.assignedTo.name}
          </Text>
        ) : null}
      </Group>
      {chat.handoffReason && !held ? <Text size="sm">The AI handed over: {chat.handoffReason}</Text> : null}
    </Stack>
  );
}

/**
 * The thread's controls: who holds the chat, "Take over" / "Hand back", and the "Reply" box with
 * "Send", enabled only while the user holds the chat (and WhatsApp's window lets free text through).
 */
export function ThreadControls({
  chat,
  me,
  windowOpen,
  onTakeOver,
  onHandBack,
  onSend,
}: {
  chat: Chat;
  /** The signed-in user as the api names holders: `user:<id>`. */
  me: string;
  /** False when WhatsApp's 24-hour window is closed (SMS: always true). */
  windowOpen: boolean;
  onTakeOver: () => Promise<unknown>;
  onHandBack: () => Promise<unknown>;
  onSend: (body: string) => Promise<ReplyOutcome>;
}) {
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState<'take' | 'back' | 'send' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mine = chat.heldBy?.actor === me;
  const open = chat.status === 'open';
  const blocked = replyBlockedBecause(chat, me, windowOpen);

  const run = async (what: 'take' | 'back' | 'send', action: () => Promise<void>) => {
    setBusy(what);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(null);
    }
  };

  const send = (event: FormEvent) => {
    event.preventDefault();
    const body = draft.trim();
    if (blocked) return;
    if (!body) {
      setProblem('Write the reply first.');
      return;
    }
    void run('send', async () => {
      const outcome = await onSend(body);
      if (outcome.status === 'skipped' || outcome.status === 'failed')
        setProblem(`Not sent: ${outcome.reason ?? 'the message was refused.'}`);
      else setDraft('');
    });
  };

  return (
    <Paper p="sm" withBorder>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <HoldLine chat={chat} me={me} />
          {open ? (
            <Group gap="xs">
              {mine ? (
                <Button
                  variant="default"
                  loading={busy === 'back'}
                  onClick={() => void run('back', async () => void (await onHandBack()))}
                >
                  Hand back
                </Button>
              ) : (
                <Button
                  loading={busy === 'take'}
                  disabled={Boolean(chat.heldBy)}
                  onClick={() => void run('take', async () => void (await onTakeOver()))}
                >
                  Take over
                </Button>
              )}
            </Group>
          ) : null}
        </Group>
        {problem ? (
          <Alert color="red" role="alert" p="xs">
            {problem}
          </Alert>
        ) : null}
        <form onSubmit={send}>
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <Textarea
              label="Reply"
              placeholder={blocked ? undefined : 'Write to the member… (Ctrl+Enter sends)'}
              autosize
              minRows={1}
              maxRows={6}
              maxLength={1600}
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              disabled={Boolean(blocked)}
              description={blocked ?? undefined}
              style={{ flex: 1, minWidth: 0 }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(e);
              }}
            />
            <Button type="submit" disabled={Boolean(blocked)} loading={busy === 'send'}>
              Send
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
