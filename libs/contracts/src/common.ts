import { z } from 'zod';
import {
  CHANNELS,
  E164_EXAMPLE,
  isE164,
  KEYWORDS,
  MAX_OUTBOUND_MEDIA,
  outboundMediaUrlProblem,
  SEND_KINDS,
  SEND_LANES,
} from '@app/rules';

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Id = z.uuid();
export const E164 = z
  .string()
  .refine(isE164, `must be an E.164 phone number such as ${E164_EXAMPLE}`)
  .meta({ example: E164_EXAMPLE });
export const Timestamp = z.iso.datetime({ offset: true });

export const FEATURES = ['whatsapp'] as const;
export const Feature = z.enum(FEATURES);
export type Feature = z.infer<typeof Feature>;

/**
 * A file a member sent: Twilio's URL and type (empty for media we sent by URL); once chats has it, where it is kept (`stored`), why
 * it was not kept (`refused`), and a voice note's `transcript`.
 */
export const Media = z.object({
  url: z.string(),
  contentType: z.string(),
  stored: z.object({ key: z.string(), size: z.number().int().min(0) }).optional(),
  refused: z.object({ code: z.string(), reason: z.string() }).optional(),
  transcript: z.string().optional(),
  /** When the store serves them (S3): a signed URL that shows the kept file until it expires; never stored. */
  viewUrl: z.string().optional(),
});
export type Media = z.infer<typeof Media>;

/**
 * What the member pressed on an interactive WhatsApp message: a quick-reply button (Twilio's
 * `ButtonPayload` as `id`, `ButtonText` as `title`) or a list item (`ListId`, `ListTitle`).
 * Templates and CEL see it as `message.button_payload`, `message.button_text`, `message.list_id`, `message.list_title`.
 */
export const Choice = z.object({
  kind: z.enum(['button', 'list']),
  id: z.string(),
  title: z.string(),
});
export type Choice = z.infer<typeof Choice>;

const uniqueIds = (options: Array<{ id: string }>) =>
  new Set(options.map((o) => o.id)).size === options.length;

/**
 * Buttons or a list the member can press instead of typing (WhatsApp, inside the 24-hour window,
 * sent through Twilio's Content API). Limits are WhatsApp's: up to 3 buttons of 20 characters; a
 * list of up to 10 items (24 characters, descriptions 72) behind a button of 20; ids up to 200,
 * each unique, and that id comes back as the member's choice.
 */
export const Interactive = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('buttons'),
    buttons: z
      .array(z.object({ id: z.string().min(1).max(200), title: z.string().trim().min(1).max(20) }))
      .min(1)
      .max(3, 'WhatsApp shows at most 3 buttons')
      .refine(uniqueIds, 'each button needs its own id'),
  }),
  z.object({
    type: z.literal('list'),
    button: z.string().trim().min(1).max(20),
    items: z
      .array(
        z.object({
          id: z.string().min(1).max(200),
          title: z.string().trim().min(1).max(24),
          description: z.string().max(72).optional(),
        }),
      )
      .min(1)
      .max(10, 'WhatsApp lists hold at most 10 items')
      .refine(uniqueIds, 'each item needs its own id'),
  }),
]);
export type Interactive = z.infer<typeof Interactive>;

/** Media a message sends: public https URLs Twilio fetches, at most 10 (Twilio's limit). */
export const MediaUrls = z
  .array(
    z.string().superRefine((url, ctx) => {
      const problem = outboundMediaUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: `media URL ${problem}` });
    }),
  )
  .min(1)
  .max(MAX_OUTBOUND_MEDIA, `at most ${MAX_OUTBOUND_MEDIA} media URLs on one message`)
  .meta({ example: ['https://example.com/images/menu.jpg'] });

/** Keywords recognised on an inbound message (the whole message; see @app/rules). */
export const Keyword = z.enum(KEYWORDS);
export type Keyword = z.infer<typeof Keyword>;

/** Who starts a send (`reply`, `system`, `compliance`, `notice`): decides which checks apply (see @app/rules). */
export const SendKind = z.enum(SEND_KINDS);
export type SendKind = z.infer<typeof SendKind>;
export const SendLane = z.enum(SEND_LANES);
export type SendLane = z.infer<typeof SendLane>;

/** An approved template (Twilio Content API), and the values of its placeholders. */
export const ContentSid = z
  .string()
  .regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Twilio Content SID (HX + 32 hex)');
export const ContentVariables = z.record(z.string(), z.string());

/** A list request's paging: pages of `limit` (at most `max`, `size` by default) after `cursor`. */
export const paging = (max: number, size: number) => ({
  limit: z.number().int().min(1).max(max).default(size),
  /** The previous page's nextCursor: the items after it. */
  cursor: z.string().nullable().default(null),
});

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const WorkspaceScoped = z.object({ workspaceId: Id });
