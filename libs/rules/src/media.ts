import type { Channel } from './channels';

/** Twilio's limits on media a member sends (WhatsApp: 16 MB a file, images 5 MB; MMS 5 MB). */
const MB = 1024 * 1024;

/** The kinds of media we keep, and what the agent can make of each. */
export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'contact';

const KINDS: Array<[RegExp, MediaKind]> = [
  [/^image\/(jpeg|png|webp|gif)$/, 'image'],
  [/^audio\/(ogg|mpeg|mp4|amr|aac|wav|x-wav|webm|opus)$/, 'audio'],
  [/^video\/(mp4|3gpp)$/, 'video'],
  [/^application\/pdf$/, 'document'],
  [/^text\/(vcard|x-vcard)$/, 'contact'],
];

/** The kind of a content type (parameters such as `; codecs=opus` ignored), or null if we do not keep it. */
export function mediaKind(contentType: string): MediaKind | null {
  const bare = contentType.split(';')[0].trim().toLowerCase();
  return KINDS.find(([pattern]) => pattern.test(bare))?.[1] ?? null;
}

/** The largest file of a content type a member may send on a channel. */
export function maxMediaBytes(channel: Channel, contentType: string): number {
  if (channel === 'sms') return 5 * MB;
  return mediaKind(contentType) === 'image' ? 5 * MB : 16 * MB;
}

export type MediaRefusal = { code: 'unsupported_type' | 'too_large'; reason: string };

/** Whether a file a member sent is kept; the reason when it is not (shown in the chat and diagnostics). */
export function mediaRefusal(
  channel: Channel,
  contentType: string,
  bytes: number | null,
): MediaRefusal | null {
  if (mediaKind(contentType) === null) {
    return { code: 'unsupported_type', reason: `files of type ${contentType || 'unknown'} are not accepted` };
  }
  const max = maxMediaBytes(channel, contentType);
  if (bytes !== null && bytes > max) {
    return {
      code: 'too_large',
      reason: `the file is ${(bytes / MB).toFixed(1)} MB, over the ${max / MB} MB limit for ${contentType}`,
    };
  }
  return null;
}

/** Twilio takes at most 10 media URLs on one message. */
export const MAX_OUTBOUND_MEDIA = 10;

/**
 * Whether a URL may go out as a message's media: https only (Twilio fetches it from the public
 * internet, and a plain-http or local URL would leak or fail), with a host and no credentials in it.
 */
export function outboundMediaUrlProblem(url: string): string | null {
  if (!URL.canParse(url)) return 'must be a URL';
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') return 'must be an https URL';
  if (parsed.username || parsed.password) return 'must not carry credentials';
  return null;
}
