import { Injectable } from '@nestjs/common';
import { type Interactive, SendRequested, sendMsgId } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { Turn, TurnState } from '../turn/turn';

/** Twilio's limit for one message body; longer replies go out in parts. */
const MAX_BODY = 1600;
/** WhatsApp's limit for the body above buttons or a list. */
const MAX_INTERACTIVE_BODY = 1024;

export interface ReplyExtras {
  /** Go with the first part of the text. */
  mediaUrls?: string[];
  /** Buttons or a list under the last part (WhatsApp; on SMS they become lines of the text). */
  interactive?: Interactive;
}

/**
 * Sends a turn's reply through outbound. Keys are `reply:<leadKey>:<n>`, so a turn that runs
 * again after a crash re-publishes the same keys and outbound sends each at most once.
 */
@Injectable()
export class ReplySender {
  constructor(private readonly messaging: MessagingClient) {}

  async send(turn: Turn, state: TurnState, text: string, extras: ReplyExtras = {}): Promise<void> {
    const { mediaUrls = [] } = extras;
    const whatsapp = turn.channel === 'whatsapp';
    const interactive = whatsapp ? extras.interactive : undefined;
    const shown =
      !whatsapp && extras.interactive ? `${text.trim()}\n${choiceLines(extras.interactive)}` : text.trim();
    const parts = splitMessage(shown, MAX_BODY);
    // The buttons belong under the question: the last part, kept within WhatsApp's shorter limit.
    if (interactive) parts.push(...splitMessage(parts.pop() ?? '', MAX_INTERACTIVE_BODY));
    for (const [i, part] of parts.entries()) {
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
          ...(i === 0 && mediaUrls.length ? { mediaUrls } : {}),
          ...(interactive && i === parts.length - 1 ? { interactive } : {}),
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

/** Buttons or a list as text, for a channel without them (SMS): one option a line. */
export function choiceLines(interactive: Interactive): string {
  const titles =
    interactive.type === 'buttons'
      ? interactive.buttons.map((b) => b.title)
      : interactive.items.map((i) => i.title);
  return titles.map((title) => `- ${title}`).join('\n');
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
