import { tryParseTwilioAddress, type TwilioChannel } from '@app/twilio';
import { isE164 } from '@app/rules';
import { type FormFields, formValue, formValues } from '../common/twilio-format';

/** A message creation request, checked. */
export interface CreateMessageInput {
  channel: TwilioChannel;
  to: string;
  toPhone: string;
  from: string | null;
  fromPhone: string | null;
  body: string;
  contentSid: string | null;
  contentVariables: string | null;
  mediaUrls: string[];
  statusCallback: string | null;
  messagingServiceSid: string | null;
}

export interface ValidationFailure {
  status: 400;
  code: number;
  message: string;
}

export type ValidationResult =
  { ok: true; value: CreateMessageInput } | { ok: false; error: ValidationFailure };

const MAX_BODY = 1600;
const CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

const fail = (code: number, message: string): ValidationResult => ({
  ok: false,
  error: { status: 400, code, message },
});

/** Checks `POST .../Messages.json` form fields the way Twilio does, with Twilio's error codes. */
export function validateCreateMessage(form: FormFields): ValidationResult {
  const rawTo = formValue(form, 'To')?.trim();
  if (!rawTo) return fail(21604, "A 'To' phone number is required.");
  const to = tryParseTwilioAddress(rawTo);
  if (!to || !isE164(to.phone)) return fail(21211, `The 'To' number ${rawTo} is not a valid phone number.`);

  const messagingServiceSid = formValue(form, 'MessagingServiceSid')?.trim() || null;
  if (messagingServiceSid && !MESSAGING_SERVICE_SID.test(messagingServiceSid)) {
    return fail(21701, `The Messaging Service Sid ${messagingServiceSid} is invalid.`);
  }
  const rawFrom = formValue(form, 'From')?.trim() || null;
  if (!rawFrom && !messagingServiceSid) return fail(21603, "A 'From' phone number is required.");
  const from = rawFrom ? tryParseTwilioAddress(rawFrom) : null;
  if (rawFrom) {
    const validSender =
      from !== null &&
      (isE164(from.phone) || (from.channel === 'sms' && ALPHANUMERIC_SENDER.test(from.phone)));
    if (!validSender) {
      return fail(
        21212,
        `The 'From' number ${rawFrom} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
      );
    }
    if (from.channel !== to.channel) {
      return fail(21910, 'Invalid From and To pair. From and To should be of the same channel');
    }
    if (from.phone === to.phone) return fail(21266, "'To' and 'From' number cannot be the same");
  }

  const contentSid = formValue(form, 'ContentSid')?.trim() || null;
  const contentVariables = formValue(form, 'ContentVariables') ?? null;
  if (contentVariables !== null && !contentSid) return fail(21654, 'ContentSid Required');
  if (contentSid && !CONTENT_SID.test(contentSid)) return fail(21655, 'The ContentSid is Invalid');
  if (contentVariables !== null && !isValidContentVariables(contentVariables)) {
    return fail(21656, 'The ContentVariables Parameter is invalid');
  }

  const body = formValue(form, 'Body') ?? '';
  const mediaUrls = formValues(form, 'MediaUrl');
  if (!body && mediaUrls.length === 0 && !contentSid) return fail(21602, 'Message body is required.');
  if (body.length > MAX_BODY) {
    return fail(21617, `The concatenated message body exceeds the ${MAX_BODY} character limit.`);
  }
  if (mediaUrls.some((url) => !isHttpUrl(url))) return fail(21620, 'Invalid media URL(s).');
  const statusCallback = formValue(form, 'StatusCallback')?.trim() || null;
  if (statusCallback && !isHttpUrl(statusCallback)) {
    return fail(21609, `The StatusCallback URL ${statusCallback} is not a valid URL.`);
  }

  return {
    ok: true,
    value: {
      channel: to.channel,
      to: to.channel === 'whatsapp' ? `whatsapp:${to.phone}` : to.phone,
      toPhone: to.phone,
      from: from ? (from.channel === 'whatsapp' ? `whatsapp:${from.phone}` : from.phone) : null,
      fromPhone: from?.phone ?? null,
      body,
      contentSid,
      contentVariables,
      mediaUrls,
      statusCallback,
      messagingServiceSid,
    },
  };
}

function isValidContentVariables(raw: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  return Object.values(parsed).every(
    (value) =>
      (typeof value === 'string' && value.length > 0) ||
      typeof value === 'number' ||
      typeof value === 'boolean',
  );
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value) && URL.canParse(value);
}
