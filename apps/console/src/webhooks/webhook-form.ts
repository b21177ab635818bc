import { CHAT_ACTIVITY_TYPES } from '@app/contracts';
import type { Webhook } from '../api/types';
import type { WebhookEvent, WebhookInput } from './webhook-api';

/** The event types as an operator reads them. */
export const EVENT_LABELS: Record<WebhookEvent, string> = {
  'chat.opened': 'Chat opened',
  'message.created': 'Message received or sent',
  'message.updated': 'Message status changed',
  'chat.taken_over': 'Chat taken over',
  'chat.handed_back': 'Chat handed back',
  'chat.waiting': 'Chat waiting for a person',
  'chat.left_queue': 'Chat left the queue',
  'chat.assigned': 'Chat assigned',
  'chat.read': 'Chat read',
  'chat.closed': 'Chat closed',
};

export const EVENT_OPTIONS = (CHAT_ACTIVITY_TYPES as readonly WebhookEvent[]).map((value) => ({
  value,
  label: EVENT_LABELS[value] ?? value,
}));

export interface WebhookFormValues {
  url: string;
  description: string;
  events: WebhookEvent[];
}

/** The form's values for an endpoint, or empty for a new one. */
export function toWebhookFormValues(webhook?: Webhook): WebhookFormValues {
  return { url: webhook?.url ?? '', description: webhook?.description ?? '', events: webhook?.events ?? [] };
}

export function toWebhookInput(values: WebhookFormValues): WebhookInput {
  return {
    url: values.url.trim(),
    description: values.description.trim() || null,
    events: values.events,
  };
}

/** What a person gets wrong before the api is asked: no address, not a web address, too long. */
export function validateWebhookForm(values: WebhookFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const url = values.url.trim();
  if (!url) errors.url = 'Enter the address that receives the events';
  else if (url.length > 2000) errors.url = 'At most 2,000 characters';
  else {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol))
      errors.url = 'Enter a full web address, such as https://crm.example.com/hooks';
  }
  if (values.description.trim().length > 200) errors.description = 'At most 200 characters';
  return errors;
}
