/** One Twilio error code, with what it means for an operator and what to do about it. */
export interface TwilioErrorInfo {
  code: number;
  /** Twilio's short title for the code. */
  title: string;
  /** A human reason an operator can act on. */
  reason: string;
  /** True when sending the same message again later may succeed. */
  retryable: boolean;
}

const entries: readonly TwilioErrorInfo[] = [
  // Account, authentication and API limits
  {
    code: 20003,
    title: 'Authentication failed',
    reason: 'Twilio rejected the credentials: check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.',
    retryable: false,
  },
  {
    code: 20404,
    title: 'Resource not found',
    reason: 'The requested Twilio resource does not exist in this account.',
    retryable: false,
  },
  {
    code: 20429,
    title: 'Too many requests',
    reason:
      'Twilio is rate limiting this account: the send will be retried with backoff; lower the sending rate if it persists.',
    retryable: true,
  },
  {
    code: 20500,
    title: 'Internal server error',
    reason: 'Twilio had an internal error: the send can be retried.',
    retryable: true,
  },
  {
    code: 20503,
    title: 'Service unavailable',
    reason: 'Twilio is temporarily unavailable: the send can be retried.',
    retryable: true,
  },
  // Request validation
  {
    code: 21211,
    title: "Invalid 'To' phone number",
    reason:
      "The recipient's phone number is not a valid number: correct the member's phone (E.164, e.g. +15551234567).",
    retryable: false,
  },
  {
    code: 21408,
    title: 'Region not enabled',
    reason:
      "Sending to the recipient's country is not enabled: turn the country on in Twilio's Messaging Geographic Permissions.",
    retryable: false,
  },
  {
    code: 21602,
    title: 'Message body required',
    reason: 'The message had no text, media or template: nothing was sent.',
    retryable: false,
  },
  {
    code: 21603,
    title: "'From' phone number required",
    reason: 'No sending number was given: check the phone number configured for this chat.',
    retryable: false,
  },
  {
    code: 21604,
    title: "'To' phone number required",
    reason: 'The recipient has no phone number: add one to the member.',
    retryable: false,
  },
  {
    code: 21606,
    title: "'From' number not valid for this account",
    reason:
      'The sending number does not belong to this Twilio account or cannot send on this channel: check the number in Twilio.',
    retryable: false,
  },
  {
    code: 21608,
    title: 'Unverified number on a trial account',
    reason:
      'Trial Twilio accounts can only message verified numbers: verify the recipient or upgrade the account.',
    retryable: false,
  },
  {
    code: 21610,
    title: 'Recipient unsubscribed',
    reason: 'The recipient replied STOP to this number: they get no messages until they reply START.',
    retryable: false,
  },
  {
    code: 21612,
    title: 'Cannot route between these numbers',
    reason:
      'Twilio cannot connect this sender and recipient (for example a landline, or an unsupported From/To pair): use another number or channel.',
    retryable: false,
  },
  {
    code: 21614,
    title: "'To' number is not a mobile number",
    reason:
      'The recipient number cannot receive SMS (likely a landline): ask the member for a mobile number.',
    retryable: false,
  },
  {
    code: 21617,
    title: 'Message body too long',
    reason: 'The text exceeds the 1600 character limit: shorten the message.',
    retryable: false,
  },
  {
    code: 21619,
    title: 'Body or media required',
    reason: 'The message had neither text nor media: nothing was sent.',
    retryable: false,
  },
  {
    code: 21654,
    title: 'ContentSid required',
    reason: 'Template variables were given without a template (ContentSid): pick an approved template.',
    retryable: false,
  },
  {
    code: 21655,
    title: 'Invalid ContentSid',
    reason:
      'The template SID is not valid for this account (HX followed by 32 hex characters): check the template.',
    retryable: false,
  },
  {
    code: 21656,
    title: 'Invalid ContentVariables',
    reason:
      'The template variables are not a valid JSON object of non-empty values: check the template variables.',
    retryable: false,
  },
  {
    code: 21910,
    title: 'Invalid From and To pair',
    reason:
      'Sender and recipient are on different channels (for example WhatsApp to SMS): send both on the same channel.',
    retryable: false,
  },
  // Carrier delivery outcomes
  {
    code: 30001,
    title: 'Queue overflow',
    reason: 'Too many messages were queued for this sender: lower the sending rate.',
    retryable: true,
  },
  {
    code: 30002,
    title: 'Account suspended',
    reason: 'The Twilio account is suspended: contact Twilio support.',
    retryable: false,
  },
  {
    code: 30003,
    title: 'Unreachable destination handset',
    reason: "The recipient's phone is off or out of coverage: it may succeed later.",
    retryable: true,
  },
  {
    code: 30004,
    title: 'Message blocked',
    reason: 'The recipient or their carrier blocks messages from this number.',
    retryable: false,
  },
  {
    code: 30005,
    title: 'Unknown destination handset',
    reason: "The recipient number is unknown or no longer in service: update the member's phone.",
    retryable: false,
  },
  {
    code: 30006,
    title: 'Landline or unreachable carrier',
    reason: 'The recipient number is a landline or its carrier cannot receive SMS: use another channel.',
    retryable: false,
  },
  {
    code: 30007,
    title: 'Message filtered by carrier',
    reason:
      'The carrier filtered the message as spam: review the content and the sender registration (A2P 10DLC / toll-free verification).',
    retryable: false,
  },
  {
    code: 30008,
    title: 'Unknown delivery error',
    reason: 'The carrier reported an unknown error: retry later; contact Twilio if it persists.',
    retryable: true,
  },
  {
    code: 30032,
    title: 'Toll-free number not verified',
    reason: 'The toll-free sender is not verified: complete toll-free verification in Twilio.',
    retryable: false,
  },
  {
    code: 30034,
    title: 'Unregistered 10DLC number',
    reason: 'The US long code is not registered to an A2P 10DLC campaign: register it in Twilio.',
    retryable: false,
  },
  // Media
  {
    code: 11751,
    title: 'Media exceeds size limit',
    reason:
      'The attached media is larger than the channel allows (MMS and WhatsApp images 5 MB, other WhatsApp media 16 MB): send a smaller file.',
    retryable: false,
  },
  {
    code: 21620,
    title: 'Invalid media URL',
    reason: 'Twilio could not use a media URL of this message: give public https URLs.',
    retryable: false,
  },
  {
    code: 63019,
    title: 'Media failed to download',
    reason:
      'Twilio could not download the attached media: check that its URL is public and answers with the file.',
    retryable: false,
  },
  // WhatsApp
  {
    code: 63021,
    title: 'Channel invalid content error',
    reason:
      'WhatsApp refused the content: the body of a message with buttons or a list (or a template) is over 1024 characters. Shorten it.',
    retryable: false,
  },
  {
    code: 63003,
    title: 'Channel could not find To address',
    reason: 'The recipient has no WhatsApp account on this number: use SMS or check the number.',
    retryable: false,
  },
  {
    code: 63007,
    title: 'No WhatsApp sender for From',
    reason:
      'The sending number is not a WhatsApp sender in Twilio: register it or turn WhatsApp off for this number.',
    retryable: false,
  },
  {
    code: 63015,
    title: 'Sandbox recipient not joined',
    reason:
      'The recipient has not joined this WhatsApp sandbox: ask them to send the join code to the sandbox number.',
    retryable: false,
  },
  {
    code: 63016,
    title: 'Outside the 24-hour window',
    reason:
      'More than 24 hours have passed since the member last wrote on WhatsApp: free-form text is not allowed, use an approved template.',
    retryable: false,
  },
  {
    code: 63018,
    title: 'WhatsApp rate limit exceeded',
    reason: 'The WhatsApp sender exceeded its rate or messaging tier limit: slow down and retry later.',
    retryable: true,
  },
  {
    code: 63024,
    title: 'Invalid message recipient',
    reason:
      'WhatsApp does not accept this recipient (not a WhatsApp user, terms not accepted, or an outdated app).',
    retryable: false,
  },
  {
    code: 63032,
    title: 'WhatsApp user limitation',
    reason:
      'WhatsApp declined to deliver to this user (a Meta restriction such as marketing message limits): try later or use another channel.',
    retryable: false,
  },
  {
    code: 63049,
    title: 'Marketing message not delivered',
    reason:
      'Meta chose not to deliver this marketing template to the user: try later or use a utility template.',
    retryable: false,
  },
];

/** Twilio error codes this system explains, by code. */
export const TWILIO_ERRORS: ReadonlyMap<number, TwilioErrorInfo> = new Map(
  entries.map((entry) => [entry.code, entry]),
);

/** The entry for a code (number or numeric string), or undefined when the code is unknown. */
export function twilioErrorInfo(code: number | string | null | undefined): TwilioErrorInfo | undefined {
  const numeric = toCode(code);
  return numeric === undefined ? undefined : TWILIO_ERRORS.get(numeric);
}

/** A human reason for a Twilio error code; a generic sentence naming the code when it is unknown. */
export function describeTwilioError(code: number | string | null | undefined): string {
  const numeric = toCode(code);
  if (numeric === undefined) return 'Twilio reported an error without a code.';
  return (
    TWILIO_ERRORS.get(numeric)?.reason ??
    `Twilio error ${numeric}: see ${twilioErrorMoreInfo(numeric)} for the cause and what to do.`
  );
}

/** Twilio's documentation page for a code, as given in `more_info`. */
export function twilioErrorMoreInfo(code: number): string {
  return `https://www.twilio.com/docs/errors/${code}`;
}

/** The JSON body Twilio's REST API answers with on an error. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export function twilioErrorBody(status: number, code: number, message?: string): TwilioErrorBody {
  return {
    code,
    message: message ?? TWILIO_ERRORS.get(code)?.title ?? `Error ${code}`,
    more_info: twilioErrorMoreInfo(code),
    status,
  };
}

function toCode(code: number | string | null | undefined): number | undefined {
  if (code === null || code === undefined || code === '') return undefined;
  const numeric = typeof code === 'number' ? code : Number(code);
  return Number.isInteger(numeric) && numeric > 0 ? numeric : undefined;
}
