import { z } from 'zod';
import { CHANNELS, E164_EXAMPLE, isE164, KEYWORDS, SEND_KINDS } from '@app/rules';

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
 * A file a member sent: Twilio's URL and type; once chats has it, where it is kept (`stored`), why
 * it was not kept (`refused`), and a voice note's `transcript`.
 */
export const Media = z.object({
  url: z.string(),
  contentType: z.string(),
  stored: z.object({ key: z.string(), size: z.number().int().min(0) }).optional(),
  refused: z.object({ code: z.string(), reason: z.string() }).optional(),
  transcript: z.string().optional(),
});
export type Media = z.infer<typeof Media>;

/** Keywords recognised on an inbound message (the whole message; see @app/rules). */
export const Keyword = z.enum(KEYWORDS);
export type Keyword = z.infer<typeof Keyword>;

/** Who starts a send (`reply`, `system`, `compliance`, `notice`): decides which checks apply (see @app/rules). */
export const SendKind = z.enum(SEND_KINDS);
export type SendKind = z.infer<typeof SendKind>;

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
