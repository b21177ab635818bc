/** A message as we hand it to Twilio (addresses already channel-prefixed). */
export interface OutgoingMessage {
  from: string;
  to: string;
  body?: string;
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

/** The two Twilio calls outbound makes; errors are thrown as the client throws them (see classifyTwilioError). */
export interface TwilioGateway {
  create(message: OutgoingMessage): Promise<{ sid: string; status: string }>;
  /** Messages from `from` to `to` created since `since`, newest first (to find one a lost answer created). */
  listSince(from: string, to: string, since: Date): Promise<TwilioMessageSummary[]>;
}

export const TWILIO_GATEWAY = Symbol('TWILIO_GATEWAY');
