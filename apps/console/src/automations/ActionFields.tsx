import { Stack } from '@mantine/core';
import { LabelledSegmentedControl } from '../shared/LabelledSegmentedControl';
import { usePhoneNumbers, useWorkflowOptions } from '../phone-numbers/phone-number-api';
import type { ActionFormValues } from './action-form';
import { LongTextField, SelectField, TextField, useFieldsForm } from '../shared/form-fields';

const CHANNELS = [
  { value: 'send_whatsapp', label: 'WhatsApp' },
  { value: 'send_sms', label: 'SMS' },
];

/**
 * The "send" action of a rule or routine, inside its SaveForm: channel, number, message or
 * template, optional workflow.
 */
export function ActionFields() {
  const form = useFieldsForm<{ action: ActionFormValues }>();
  const numbers = usePhoneNumbers();
  const workflows = useWorkflowOptions();
  const action = form.values.action;
  const numberOptions = (numbers.data?.items ?? [])
    .filter((n) => (action.type === 'send_whatsapp' ? n.whatsappEnabled : n.smsEnabled))
    .map((n) => ({ value: n.id, label: n.number }));
  return (
    <Stack gap="sm">
      <LabelledSegmentedControl label="Send" data={CHANNELS} {...form.getInputProps('action.type')} />
      <SelectField
        field="action.phoneNumberId"
        label="Phone number"
        description={
          action.type === 'send_whatsapp'
            ? 'Only numbers with WhatsApp on are listed'
            : 'Only numbers with SMS on are listed'
        }
        data={numberOptions}
        placeholder={numbers.isPending ? 'Loading…' : 'Choose a number'}
        nothingFoundMessage="No number with this channel on"
        maw={360}
      />
      <LongTextField
        field="action.template"
        label="Message template"
        description="Handlebars: {{member.first_name}}, {{event.data.…}}. Outside the 24-hour window WhatsApp only delivers approved templates."
      />
      {action.type === 'send_whatsapp' ? (
        <>
          <TextField
            field="action.contentSid"
            label="Approved template SID"
            description="Optional: a Twilio Content template (HX…) approved by Meta, sent instead of the text"
            maw={420}
          />
          <SelectField
            field="action.workflowId"
            label="Workflow"
            description="Optional: start a WhatsApp chat with this workflow instead of a single message"
            data={workflows.data ?? []}
            clearable
            maw={360}
          />
          {action.workflowId ? (
            <LongTextField
              field="action.initialMessage"
              label="Initial message"
              description="Optional: the first member message the workflow sees"
              minRows={1}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
