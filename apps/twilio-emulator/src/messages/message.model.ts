import type { TwilioChannel } from '@app/twilio';
import { API_VERSION, rfc2822 } from '../common/twilio-format';
import type { EmulatedContent } from '../content/content.model';

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'undelivered' | 'failed';

/** Where a message ends: delivered, or failed / undelivered with a Twilio error code. */
export type MessageOutcome =
  { status: 'delivered' } | { status: 'failed' | 'undelivered'; errorCode: number; errorMessage: string };

export interface StatusChange {
  status: MessageStatus;
  /** Epoch ms. */
  at: number;
  errorCode?: number;
}

export interface CallbackAttempt {
  status: MessageStatus;
  at: number;
  /** The HTTP status the callback URL answered, or null when the request failed. */
  httpStatus: number | null;
  error?: string;
}

/** An outbound message as the emulator records it. */
export interface EmulatedMessage {
  sid: string;
  accountSid: string;
  channel: TwilioChannel;
  /** Addresses as sent (`whatsapp:+1555...` for WhatsApp). */
  to: string;
  from: string | null;
  /** Bare phone numbers, for matching. */
  toPhone: string;
  fromPhone: string | null;
  body: string;
  contentSid: string | null;
  contentVariables: string | null;
  /** The Content API resource a ContentSid named, when the emulator made it (quick reply, list picker). */
  content: EmulatedContent | null;
  mediaUrls: string[];
  statusCallback: string | null;
  messagingServiceSid: string | null;
  numSegments: number;
  status: MessageStatus;
  errorCode: number | null;
  errorMessage: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
  history: StatusChange[];
  callbacks: CallbackAttempt[];
  outcome: MessageOutcome;
}

export function messageUri(accountSid: string, sid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}.json`;
}

/** The Message resource exactly as Twilio's REST API renders it. */
export function toTwilioResource(message: EmulatedMessage): Record<string, unknown> {
  return {
    account_sid: message.accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: rfc2822(message.createdAt),
    date_sent: message.sentAt === null ? null : rfc2822(message.sentAt),
    date_updated: rfc2822(message.updatedAt),
    direction: 'outbound-api',
    error_code: message.errorCode,
    error_message: message.errorMessage,
    from: message.from,
    messaging_service_sid: message.messagingServiceSid,
    num_media: String(message.mediaUrls.length),
    num_segments: String(message.numSegments),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    subresource_uris: {
      media: `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}/Media.json`,
      feedback: `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}/Feedback.json`,
    },
    to: message.to,
    uri: messageUri(message.accountSid, message.sid),
  };
}

/** The emulator's own JSON view of a message, for tests: ms timestamps and the whole history. */
export function toControlView(message: EmulatedMessage) {
  return {
    sid: message.sid,
    accountSid: message.accountSid,
    channel: message.channel,
    to: message.to,
    from: message.from,
    body: message.body,
    contentSid: message.contentSid,
    contentVariables: parseVariables(message.contentVariables),
    /** The content's types in the Content API's shape (`twilio/quick-reply`...), when the emulator made it. */
    content: message.content ? message.content.types : null,
    mediaUrls: message.mediaUrls,
    messagingServiceSid: message.messagingServiceSid,
    statusCallback: message.statusCallback,
    numSegments: message.numSegments,
    status: message.status,
    errorCode: message.errorCode,
    errorMessage: message.errorMessage,
    createdAt: message.createdAt,
    updatedAt: message.updatedAt,
    sentAt: message.sentAt,
    statusHistory: message.history,
    callbacks: message.callbacks,
  };
}

export type MessageControlView = ReturnType<typeof toControlView>;

function parseVariables(raw: string | null): Record<string, unknown> | null {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
}
