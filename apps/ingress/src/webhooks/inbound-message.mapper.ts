import type { InboundMessageReceived, Media } from '@app/contracts';
import { field, flatParams, requiredField, type FormFields } from './form-fields';

/** Twilio sends at most 10 media per message; more is a malformed request. */
const MAX_MEDIA = 10;

export type Mapped<T> = { ok: true; event: T } | { ok: false; message: string };

/** Twilio's messaging webhook parameters as our `InboundMessageReceived` event. */
export function toInboundMessage(
  form: FormFields,
  accountSid: string,
  receivedAt: string,
): Mapped<InboundMessageReceived> {
  const messageSid = requiredField(form, 'MessageSid');
  const from = requiredField(form, 'From');
  const to = requiredField(form, 'To');
  if (!messageSid || !from || !to) {
    const missing = [!messageSid && 'MessageSid', !from && 'From', !to && 'To'].filter(Boolean).join(', ');
    return { ok: false, message: `Missing webhook parameter(s): ${missing}.` };
  }
  const media = mediaOf(form);
  if (!media)
    return {
      ok: false,
      message: `NumMedia must be a number from 0 to ${MAX_MEDIA} with a MediaUrlN for each.`,
    };
  return {
    ok: true,
    event: {
      accountSid,
      messageSid,
      from,
      to,
      body: storableText(field(form, 'Body') ?? ''),
      media,
      profileName: storableText(field(form, 'ProfileName') ?? '') || null,
      receivedAt,
      params: flatParams(form),
    },
  };
}

/**
 * Text every service can store: Postgres text columns cannot hold NUL, so a body with one would
 * be accepted here and then fail in chats. NUL carries nothing a person wrote; drop it at the edge.
 */
export function storableText(text: string): string {
  return text.includes('\u0000') ? text.split('\u0000').join('') : text;
}

function mediaOf(form: FormFields): Media[] | undefined {
  const raw = field(form, 'NumMedia');
  if (raw === undefined || raw === '' || raw === '0') return [];
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > MAX_MEDIA) return undefined;
  const media: Media[] = [];
  for (let i = 0; i < count; i++) {
    const url = field(form, `MediaUrl${i}`);
    if (!url) return undefined;
    media.push({ url, contentType: field(form, `MediaContentType${i}`) ?? 'application/octet-stream' });
  }
  return media;
}
