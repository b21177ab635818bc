import type { TwilioChannel } from '@app/twilio';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { API_VERSION } from '../common/twilio-format';
import { countSmsSegments } from '../messages/segments';

export interface InboundMedia {
  url: string;
  contentType: string;
}

export interface InboundMessage {
  channel: TwilioChannel;
  /** Bare phone numbers (E.164). */
  fromPhone: string;
  toPhone: string;
  body: string;
  media: InboundMedia[];
  profileName?: string;
  /** The member pressed a quick-reply button or picked a list item of an earlier message. */
  choice?: InboundChoice;
}

export interface InboundChoice {
  kind: 'button' | 'list';
  id: string;
  title: string;
  description?: string;
  /** The message whose button or list it was. */
  repliedToSid: string;
}

/** The exact form parameters Twilio posts to a messaging webhook for an inbound SMS or WhatsApp message. */
export function buildInboundParams(
  message: InboundMessage,
  accountSid: string,
  messageSid: string,
): Record<string, string> {
  const whatsapp = message.channel === 'whatsapp';
  const from = whatsapp ? `whatsapp:${message.fromPhone}` : message.fromPhone;
  const to = whatsapp ? `whatsapp:${message.toPhone}` : message.toPhone;
  const params: Record<string, string> = {};
  if (!whatsapp) {
    Object.assign(params, geography('To', message.toPhone), geography('From', message.fromPhone));
  }
  Object.assign(params, {
    SmsMessageSid: messageSid,
    NumMedia: String(message.media.length),
    SmsSid: messageSid,
    SmsStatus: 'received',
    Body: message.body,
    To: to,
    NumSegments: String(whatsapp || message.media.length > 0 ? 1 : countSmsSegments(message.body)),
    MessageSid: messageSid,
    AccountSid: accountSid,
    From: from,
    ApiVersion: API_VERSION,
  });
  if (whatsapp) {
    params.ProfileName = message.profileName ?? '';
    params.WaId = message.fromPhone.replace(/^\+/, '');
    params.MessageType = whatsAppMessageType(message.media);
    params.ReferralNumMedia = '0';
    if (message.choice) Object.assign(params, choiceParams(message.choice, to));
  }
  message.media.forEach((media, index) => {
    params[`MediaUrl${index}`] = media.url;
    params[`MediaContentType${index}`] = media.contentType;
  });
  return params;
}

function geography(prefix: 'To' | 'From', phone: string): Record<string, string> {
  const country = parsePhoneNumberFromString(phone)?.country ?? (phone.startsWith('+1') ? 'US' : '');
  return {
    [`${prefix}Country`]: country,
    [`${prefix}State`]: '',
    [`${prefix}City`]: '',
    [`${prefix}Zip`]: '',
  };
}

function whatsAppMessageType(media: InboundMedia[]): string {
  const type = media[0]?.contentType.split('/')[0];
  if (!type) return 'text';
  if (type === 'image' || type === 'video' || type === 'audio') return type;
  return 'document';
}

/** What Twilio adds when the message is a button press (`ButtonText`, `ButtonPayload`) or a list pick (`ListId`, `ListTitle`). */
function choiceParams(choice: InboundChoice, businessAddress: string): Record<string, string> {
  const replied = {
    OriginalRepliedMessageSid: choice.repliedToSid,
    OriginalRepliedMessageSender: businessAddress,
  };
  if (choice.kind === 'button')
    return { MessageType: 'button', ButtonText: choice.title, ButtonPayload: choice.id, ...replied };
  return {
    MessageType: 'interactive',
    ListId: choice.id,
    ListTitle: choice.title,
    ...(choice.description ? { ListItemDescription: choice.description } : {}),
    ...replied,
  };
}
