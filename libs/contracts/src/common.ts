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

export const Media = z.object({ url: z.string(), contentType: z.string() });
export type Media = z.infer<typeof Media>;

/** Keywords recognised on an inbound message (the whole message; see @app/rules). */
export const Keyword = z.enum(KEYWORDS);
export type Keyword = z.infer<typeof Keyword>;

/** Who starts a send (`reply`, `system`, `compliance`, `notice`): decides which checks apply (see @app/rules). */
export const SendKind = z.enum(SEND_KINDS);
export type SendKind = z.infer<typeof SendKind>;

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const WorkspaceScoped = z.object({ workspaceId: Id });
