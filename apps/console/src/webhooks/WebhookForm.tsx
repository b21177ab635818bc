import { ApiError } from '../api/errors';
import type { Webhook } from '../api/types';
import { SaveForm, type SaveFormProps } from '../shared/SaveForm';
import { useSaveForm } from '../shared/use-save-form';
import type { WebhookInput } from './webhook-api';
import {
  EVENT_OPTIONS,
  toWebhookFormValues,
  toWebhookInput,
  validateWebhookForm,
  type WebhookFormValues,
} from './webhook-form';
import { MultiSelectField, TextField } from '../shared/form-fields';

const FIELDS = ['url', 'description', 'events'];

export type WebhookFormProps = { webhook?: Webhook } & SaveFormProps<WebhookInput>;

/** An endpoint: where events go, a note for people, and which event types (none chosen: all). */
export function WebhookForm({ webhook, onSave, submitLabel }: WebhookFormProps) {
  const saving = useSaveForm<WebhookFormValues>({
    initialValues: toWebhookFormValues(webhook),
    validate: validateWebhookForm,
    fields: FIELDS,
    save: (values) => onSave(toWebhookInput(values)),
    // The api refuses an address it will not call (not HTTPS, private) in words: it belongs to URL.
    placeRest: (rest, error) =>
      error instanceof ApiError && error.status === 422 && /url|address|https/i.test(rest)
        ? ['url', rest]
        : null,
  });
  const { form } = saving;
  return (
    <SaveForm saving={saving} submitLabel={submitLabel}>
      <TextField
        field="url"
        label="URL"
        description="An HTTPS address of yours that receives a signed POST for each event"
        placeholder="https://crm.example.com/hooks/chats"
        inputMode="url"
      />
      <TextField field="description" label="Description" description="Optional: what this endpoint is for" />
      <MultiSelectField
        field="events"
        label="Events"
        description="Leave empty to receive every event type"
        placeholder={form.values.events.length ? undefined : 'Every event'}
        data={EVENT_OPTIONS}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
    </SaveForm>
  );
}
