import { Injectable } from '@nestjs/common';
import { SendRequested, sendMsgId } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { Turn, TurnState } from '../turn/turn';

/** Twilio's limit for one message body; longer replies go out in parts. */
const MAX_BODY = 1600;

/**
 * Sends a turn's reply through outbound. Keys are `reply:<leadKey>:<n>`, so a turn that runs
 * again after a crash re-publishes the same keys and outbound sends each at most once.
 */
@Injectable()
export class ReplySender {
  constructor(private readonly messaging: MessagingClient) {}

  async send(turn: Turn, state: TurnState, text: string): Promise<void> {
    for (const part of splitMessage(text.trim(), MAX_BODY)) {
      const n = ++state.replies;
      const idempotencyKey = `reply:${turn.leadKey}:${n}`;
      await this.messaging.publish(
        SendRequested,
        {
          idempotencyKey,
          workspaceId: turn.workspace.id,
          phoneNumberId: turn.phoneNumber.id,
          memberId: turn.member.id,
          channel: turn.channel,
          body: part,
          kind: turn.sendKind,
          chatId: turn.chatId,
          inReplyTo: turn.inReplyTo,
          origin: { service: 'workflow', ref: `turn:${turn.leadKey}` },
        },
        { msgId: sendMsgId({ workspaceId: turn.workspace.id, idempotencyKey }) },
      );
    }
    state.said.push(text.trim());
  }
}

/** Splits at the last paragraph, line or word break before the limit (hard cut if there is none). */
export function splitMessage(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > limit / 2 ? cut : limit;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
