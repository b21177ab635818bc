import type { Interactive } from '@app/contracts';

/** A message as we hand it to Twilio (addresses already channel-prefixed). */
export interface OutgoingMessage {
  from: string;
  to: string;
  body?: string;
  /** Public URLs Twilio fetches and sends with the body. */
  mediaUrls?: string[];
  /** Buttons or a list under the body: sent as a Content API quick reply or list picker. */
  interactive?: Interactive;
  contentSid?: string;
  contentVariables?: Record<string, string>;
  statusCallback: string;
}

export interface TwilioMessageSummary {
  sid: string;
  status: string;
  body: string | null;
  dateCreated: Date;
}

/** The Twilio calls outbound makes; errors are thrown as the client throws them (see classifyTwilioError). */
export interface TwilioGateway {
  create(message: OutgoingMessage): Promise<{ sid: string; status: string }>;
  /** Messages from `from` to `to` created since `since`, newest first (to find one a lost answer created). */
  listSince(from: string, to: string, since: Date): Promise<TwilioMessageSummary[]>;
  /** Shows the WhatsApp typing indicator for a member's message (Twilio marks it read too). */
  showTyping(messageSid: string): Promise<void>;
}

export const TWILIO_GATEWAY = Symbol('TWILIO_GATEWAY');
