import { z } from 'zod';

/**
 * The interactive Content types the emulator takes, in the Content API's wire shape and with its
 * limits (WhatsApp in session: up to 3 quick-reply buttons, titles up to 20 characters; a list of
 * up to 10 items, item names up to 24, descriptions up to 72; ids up to 200; bodies up to 1,024).
 */
const body = z.string().min(1).max(1024);
const id = z.string().min(1).max(200);

const QuickReply = z.object({
  body,
  actions: z
    .array(z.object({ type: z.literal('QUICK_REPLY').optional(), title: z.string().min(1).max(20), id }))
    .min(1)
    .max(3, 'WhatsApp takes at most 3 quick-reply buttons in session'),
});

const ListPicker = z.object({
  body,
  button: z.string().min(1).max(20),
  items: z
    .array(z.object({ item: z.string().min(1).max(24), id, description: z.string().max(72).optional() }))
    .min(1)
    .max(10),
});

export const contentCreateSchema = z.object({
  friendly_name: z.string().max(256).optional(),
  language: z.string().min(2),
  variables: z.record(z.string(), z.string()).optional(),
  types: z
    .object({
      'twilio/text': z.object({ body: z.string().min(1).max(1600) }).optional(),
      'twilio/quick-reply': QuickReply.optional(),
      'twilio/list-picker': ListPicker.optional(),
    })
    .strict()
    .refine((t) => Object.keys(t).length > 0, 'types needs at least one content type'),
});
export type ContentCreate = z.infer<typeof contentCreateSchema>;

export interface EmulatedContent extends ContentCreate {
  sid: string;
  accountSid: string;
  createdAt: number;
}

/** A choice the member can press: its id (the payload that comes back) and the title shown. */
export interface ContentChoice {
  kind: 'button' | 'list';
  id: string;
  title: string;
  description?: string;
}

/** The buttons or list items a content offers (none for plain text). */
export function contentChoices(content: ContentCreate): ContentChoice[] {
  const quick = content.types['twilio/quick-reply'];
  if (quick) return quick.actions.map((a) => ({ kind: 'button', id: a.id, title: a.title }));
  const list = content.types['twilio/list-picker'];
  if (list)
    return list.items.map((i) => ({ kind: 'list', id: i.id, title: i.item, description: i.description }));
  return [];
}

/** The text a message with this content shows (the interactive types' body), its `{{n}}` filled in. */
export function contentBody(content: ContentCreate, variablesJson: string | null): string {
  const t = content.types;
  const body = t['twilio/quick-reply']?.body ?? t['twilio/list-picker']?.body ?? t['twilio/text']?.body ?? '';
  let given: Record<string, string> = {};
  try {
    given = variablesJson ? (JSON.parse(variablesJson) as Record<string, string>) : {};
  } catch {
    // Validation already refused malformed ContentVariables.
  }
  const values = { ...content.variables, ...given };
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Quick replies and list pickers are session messages: WhatsApp takes them without approval only within 24 h. */
export const isSessionOnly = (content: ContentCreate): boolean =>
  content.types['twilio/quick-reply'] !== undefined || content.types['twilio/list-picker'] !== undefined;

/** The Content resource as `content.twilio.com/v1/Content` renders it. */
export function toContentResource(content: EmulatedContent): Record<string, unknown> {
  const date = new Date(content.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    sid: content.sid,
    account_sid: content.accountSid,
    friendly_name: content.friendly_name ?? null,
    language: content.language,
    variables: content.variables ?? {},
    types: content.types,
    url: `https://content.twilio.com/v1/Content/${content.sid}`,
    date_created: date,
    date_updated: date,
    links: {
      approval_create: `https://content.twilio.com/v1/Content/${content.sid}/ApprovalRequests/whatsapp`,
      approval_fetch: `https://content.twilio.com/v1/Content/${content.sid}/ApprovalRequests`,
    },
  };
}
