import { z } from 'zod';

export const Channel = z.enum(['sms', 'whatsapp']);
export type Channel = z.infer<typeof Channel>;

export const Id = z.uuid();
export const E164 = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +15551234567');
export const Timestamp = z.iso.datetime({ offset: true });

export const FEATURES = ['whatsapp'] as const;
export const Feature = z.enum(FEATURES);
export type Feature = z.infer<typeof Feature>;

export const Media = z.object({ url: z.string(), contentType: z.string() });
export type Media = z.infer<typeof Media>;

/** Keywords recognised on an inbound message (after trimming, case-insensitive, whole message). */
export const Keyword = z.enum(['opt_out', 'opt_in', 'help']);
export type Keyword = z.infer<typeof Keyword>;

/** Who starts a send: decides which checks apply. */
export const SendKind = z.enum([
  'reply', // answering a member who wrote in: gated by opt-out only
  'system', // started by the system (actions, agent tools, broadcasts): opt-out and notify switches
  'compliance', // STOP/START/HELP confirmations: always sent once
]);
export type SendKind = z.infer<typeof SendKind>;

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const WorkspaceScoped = z.object({ workspaceId: Id });
