import { Alert, Divider } from '@mantine/core';
import { KeywordFields } from './KeywordFields';
import type { PhoneNumber } from '../api/types';
import { BusinessHoursFields } from './BusinessHoursFields';
import { toFormValues, toPatch, validatePhoneNumberForm, type PhoneNumberPatch } from './phone-number-form';
import { phoneNumberSaveErrors } from './rule-errors';
import { Section } from '../shared/Section';
import { SaveForm } from '../shared/SaveForm';
import { useSaveForm } from '../shared/use-save-form';
import {
  LongTextField,
  NumberField,
  SelectField,
  DescribedSwitchField,
  TextField,
} from '../shared/form-fields';

const WORK_MODES = [
  { value: 'ai', label: 'The AI (the default workflow answers)' },
  { value: 'ai_with_handoff', label: 'The AI, until it hands over to a person' },
  { value: 'human', label: 'People (chats wait in the inbox)' },
];

const FIELDS = [
  'smsEnabled',
  'whatsappEnabled',
  'whatsappSandbox',
  'defaultWorkflowId',
  'smsDisabledMessage',
  'brandName',
  'offHoursMessage',
  'businessHours',
  'sendRatePerSecond',
  'inactivityCloseAfter',
  'whatsappSandboxJoinCode',
  'workMode',
  'handoffTimeoutSeconds',
  'holdingMessage',
  'keywords',
  'keywordReplies',
] as const;

export interface PhoneNumberFormProps {
  number: PhoneNumber;
  /** The workspace has the WhatsApp feature: only then is the WhatsApp switch shown. */
  whatsappFeature: boolean;
  workflows: Array<{ value: string; label: string }>;
  onSave: (patch: PhoneNumberPatch) => Promise<unknown>;
}

/** A number's settings: channels, workflow, texts, hours. Errors show at their field. */
export function PhoneNumberForm({ number, whatsappFeature, workflows, onSave }: PhoneNumberFormProps) {
  const saving = useSaveForm({
    initialValues: toFormValues(number),
    validate: validatePhoneNumberForm,
    fields: FIELDS,
    save: (values) => onSave(toPatch(values)),
    errorsOf: phoneNumberSaveErrors,
  });

  const { form } = saving;
  const workflowMissing =
    form.values.defaultWorkflowId !== null &&
    !workflows.some((w) => w.value === form.values.defaultWorkflowId);

  return (
    <SaveForm saving={saving} showSaved gap="xl">
      <Section title="Channels">
        <DescribedSwitchField
          field="smsEnabled"
          label="SMS"
          description="Text messages to and from this number"
        />
        {whatsappFeature ? (
          <>
            <DescribedSwitchField
              field="whatsappEnabled"
              label="WhatsApp"
              description="WhatsApp on the same number, with the same workflow, brand name and hours"
            />
            {form.values.whatsappEnabled ? (
              <DescribedSwitchField
                field="whatsappSandbox"
                label="Twilio sandbox number"
                description="Members send the sandbox join code before this number can reach them"
                size="sm"
                ml="xl"
              />
            ) : null}
            {form.values.whatsappEnabled && form.values.whatsappSandbox ? (
              <TextField
                field="whatsappSandboxJoinCode"
                label="Sandbox join code"
                description="The words after “join” in Twilio’s sandbox settings, such as bright-tiger; empty accepts any join message"
                ml="xl"
                maw={420}
              />
            ) : null}
          </>
        ) : (
          <Alert color="gray" variant="light" title="WhatsApp is not available in this workspace">
            The WhatsApp switch appears once your organisation's administrator turns on the WhatsApp feature
            for this workspace.
          </Alert>
        )}
      </Section>

      <Divider />
      <Section title="Conversations">
        <SelectField
          field="defaultWorkflowId"
          label="Default workflow"
          description="Answers inbound SMS and WhatsApp conversations on this number"
          placeholder="None: nothing answers"
          data={
            workflowMissing
              ? [...workflows, { value: form.values.defaultWorkflowId!, label: 'Unknown workflow' }]
              : workflows
          }
          clearable
          searchable
          nothingFoundMessage="No workflow with that name"
          maw={480}
        />
        <TextField
          field="brandName"
          label="Brand name"
          description="How replies name your organisation"
          maw={480}
        />
        <TextField
          field="inactivityCloseAfter"
          label="Close chats after"
          description="How long a chat stays open without a message, as PT24H (24 hours), PT30M or P7D; the next message then starts a new chat with the default workflow"
          maw={320}
        />
        <LongTextField
          field="smsDisabledMessage"
          label="Disabled message"
          description="Sent back when a message arrives on a channel that is off on this number"
        />
      </Section>

      <Divider />
      <Section title="Who answers">
        <SelectField
          field="workMode"
          label="Work mode"
          description="The same for SMS and WhatsApp; a person can take over any chat from the inbox"
          data={WORK_MODES}
          allowDeselect={false}
          maw={480}
        />
        {form.values.workMode !== 'ai' ? (
          <>
            <NumberField
              field="handoffTimeoutSeconds"
              label="Holding message after"
              description="Seconds a waiting chat goes unanswered before the holding message is sent (once); empty: never"
              suffix=" s"
              min={1}
              max={604800}
              allowDecimal={false}
              maw={240}
            />
            <LongTextField
              field="holdingMessage"
              label="Holding message"
              description="Tells the member a person will answer soon"
            />
          </>
        ) : null}
      </Section>

      <Divider />
      <Section title="Business hours">
        <DescribedSwitchField
          field="hoursEnabled"
          label="Use business hours"
          description="Outside these hours members get the off-hours message"
        />
        {form.values.hoursEnabled ? <BusinessHoursFields form={form} /> : null}
        <LongTextField
          field="offHoursMessage"
          label="Off-hours message"
          description="Sent when a member writes outside business hours"
        />
      </Section>

      <Divider />
      <Section title="Keywords">
        <KeywordFields form={form} brand={form.values.brandName.trim() || number.number} />
      </Section>

      <Divider />
      <Section title="Sending">
        <NumberField
          field="sendRatePerSecond"
          label="Send rate"
          description="Messages per second this number may send; empty for the channel's default"
          suffix=" / s"
          min={0}
          max={10000}
          decimalScale={2}
          maw={240}
        />
      </Section>
    </SaveForm>
  );
}
