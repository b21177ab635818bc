import { Alert, Divider, NumberInput, Select, TextInput } from '@mantine/core';
import { KeywordFields } from './KeywordFields';
import type { PhoneNumber } from '../api/types';
import { BusinessHoursFields } from './BusinessHoursFields';
import { toFormValues, toPatch, validatePhoneNumberForm, type PhoneNumberPatch } from './phone-number-form';
import { phoneNumberSaveErrors } from './rule-errors';
import { DescribedSwitch } from '../shared/DescribedSwitch';
import { LongTextInput } from '../shared/LongTextInput';
import { Section } from '../shared/Section';
import { SaveForm } from '../shared/SaveForm';
import { useSaveForm } from '../shared/use-save-form';

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
        <DescribedSwitch
          label="SMS"
          description="Text messages to and from this number"
          {...form.getInputProps('smsEnabled', { type: 'checkbox' })}
        />
        {whatsappFeature ? (
          <>
            <DescribedSwitch
              label="WhatsApp"
              description="WhatsApp on the same number, with the same workflow, brand name and hours"
              {...form.getInputProps('whatsappEnabled', { type: 'checkbox' })}
            />
            {form.values.whatsappEnabled ? (
              <DescribedSwitch
                label="Twilio sandbox number"
                description="Members send the sandbox join code before this number can reach them"
                size="sm"
                ml="xl"
                {...form.getInputProps('whatsappSandbox', { type: 'checkbox' })}
              />
            ) : null}
            {form.values.whatsappEnabled && form.values.whatsappSandbox ? (
              <TextInput
                label="Sandbox join code"
                description="The words after “join” in Twilio’s sandbox settings, such as bright-tiger; empty accepts any join message"
                ml="xl"
                maw={420}
                {...form.getInputProps('whatsappSandboxJoinCode')}
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
        <Select
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
          {...form.getInputProps('defaultWorkflowId')}
        />
        <TextInput
          label="Brand name"
          description="How replies name your organisation"
          maw={480}
          {...form.getInputProps('brandName')}
        />
        <TextInput
          label="Close chats after"
          description="How long a chat stays open without a message, as PT24H (24 hours), PT30M or P7D; the next message then starts a new chat with the default workflow"
          maw={320}
          {...form.getInputProps('inactivityCloseAfter')}
        />
        <LongTextInput
          label="Disabled message"
          description="Sent back when a message arrives on a channel that is off on this number"
          {...form.getInputProps('smsDisabledMessage')}
        />
      </Section>

      <Divider />
      <Section title="Who answers">
        <Select
          label="Work mode"
          description="The same for SMS and WhatsApp; a person can take over any chat from the inbox"
          data={WORK_MODES}
          allowDeselect={false}
          maw={480}
          {...form.getInputProps('workMode')}
        />
        {form.values.workMode !== 'ai' ? (
          <>
            <NumberInput
              label="Holding message after"
              description="Seconds a waiting chat goes unanswered before the holding message is sent (once); empty: never"
              suffix=" s"
              min={1}
              max={604800}
              allowDecimal={false}
              maw={240}
              {...form.getInputProps('handoffTimeoutSeconds')}
            />
            <LongTextInput
              label="Holding message"
              description="Tells the member a person will answer soon"
              {...form.getInputProps('holdingMessage')}
            />
          </>
        ) : null}
      </Section>

      <Divider />
      <Section title="Business hours">
        <DescribedSwitch
          label="Use business hours"
          description="Outside these hours members get the off-hours message"
          {...form.getInputProps('hoursEnabled', { type: 'checkbox' })}
        />
        {form.values.hoursEnabled ? <BusinessHoursFields form={form} /> : null}
        <LongTextInput
          label="Off-hours message"
          description="Sent when a member writes outside business hours"
          {...form.getInputProps('offHoursMessage')}
        />
      </Section>

      <Divider />
      <Section title="Keywords">
        <KeywordFields form={form} brand={form.values.brandName.trim() || number.number} />
      </Section>

      <Divider />
      <Section title="Sending">
        <NumberInput
          label="Send rate"
          description="Messages per second this number may send; empty for the channel's default"
          suffix=" / s"
          min={0}
          max={10000}
          decimalScale={2}
          maw={240}
          {...form.getInputProps('sendRatePerSecond')}
        />
      </Section>
    </SaveForm>
  );
}
