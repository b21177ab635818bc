import { z } from 'zod';
import { Channel, Choice, E164, Keyword, Media, Timestamp } from './common';
import { defineEvent } from './define';
import { Member } from './preferences.contracts';
import { PhoneNumber, WorkspaceSummary } from './routing.contracts';

/** The key that orders one conversation: number, member and channel. */
export function conversationKey(m: {
  phoneNumber: { id: string };
  member: { id: string };
  channel: string;
}): string {
  return `${m.phoneNumber.id}:${m.member.id}:${m.channel}`;
}

export const MessageAccepted = defineEvent({
  subject: 'conversation.message.accepted',
  publishers: ['routing'],
  consumers: ['chats', 'outbound'],
  stream: 'CONVERSATION',
  partitionBy: (m) => conversationKey(m),
  description:
    'An inbound message routing accepted (channel on, number known, member resolved), with the context consumers need. Nats-Msg-Id = twilioSid.',
  schema: z.object({
    twilioSid: z.string().min(1),
    workspace: WorkspaceSummary,
    phoneNumber: PhoneNumber,
    member: Member,
    channel: Channel,
    /** The member's number (no whatsapp: prefix). */
    from: E164,
    /** The workspace number (no whatsapp: prefix). */
    to: E164,
    body: z.string(),
    media: z.array(Media),
    /** The button or list item the member pressed, when the message is that press. */
    choice: Choice.optional(),
    /** Set when the whole message was a STOP/START/HELP keyword; routing already acted on it. */
    keyword: Keyword.nullable(),
    /** The member was opted out when the message arrived (after any keyword in it was applied). */
    memberOptedOut: z.boolean(),
    /** Outside the number's business hours: routing already sent the off-hours message. */
    offHours: z.boolean(),
    receivedAt: Timestamp,
  }),
});
export type MessageAccepted = z.infer<typeof MessageAccepted.schema>;
