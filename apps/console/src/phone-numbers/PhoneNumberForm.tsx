import { useState } from 'react';
import { Alert, Divider, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PhoneNumber } from '../api/types';
import { BusinessHoursFields } from './BusinessHoursFields';
import {
  toFormValues,
  toPatch,
  validatePhoneNumberForm,
  type PhoneNumberFormValues,
  type PhoneNumberPatch,
} from './phone-number-form';
import { phoneNumberSaveErrors } from './rule-errors';
import { DescribedSwitch } from '../shared/DescribedSwitch';
import { SaveBar } from '../shared/SaveBar';

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
] as const;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

export interface PhoneNumberFormProps {
  number: PhoneNumber;
  /** The workspace has the WhatsApp feature: only then is the WhatsApp switch shown. */
  whatsappFeature: boolean;
  workflows: Array<{ value: string; label: string }>;
  onSave: (patch: PhoneNumberPatch) => Promise<unknown>;
}

/** A number's settings: channels, workflow, texts, hours. Errors show at their field. */
export function PhoneNumberForm({ number, whatsappFeature, workflows, onSave }: PhoneNumberFormProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<PhoneNumberFormValues>({
    initialValues: toFormValues(number),
    validate: validatePhoneNumberForm,
    onValuesChange: () => setSaved(false),
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await onSave(toPatch(values));
      form.resetDirty();
      setSaved(true);
    } catch (error) {
      const { byField, rest } = phoneNumberSaveErrors(error, FIELDS);
      form.setErrors(byField);
      setProblem(rest);
    }
  });

  const workflowMissing =
    form.values.defaultWorkflowId !== null &&
    !workflows.some((w) => w.value === form.values.defaultWorkflowId);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xl">
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
          <Textarea
            label="Disabled message"
            description="Sent back when a message arrives on a channel that is off on this number"
            autosize
            minRows={2}
            maw={640}
            {...form.getInputProps('smsDisabledMessage')}
          />
        </Section>

        <Divider />
        <Section title="Business hours">
          <DescribedSwitch
            label="Use business hours"
            description="Outside these hours members get the off-hours message"
            {...form.getInputProps('hoursEnabled', { type: 'checkbox' })}
          />
          {form.values.hoursEnabled ? <BusinessHoursFields form={form} /> : null}
          <Textarea
            label="Off-hours message"
            description="Sent when a member writes outside business hours"
            autosize
            minRows={2}
            maw={640}
            {...form.getInputProps('offHoursMessage')}
          />
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

        <SaveBar problem={problem} submitting={form.submitting} saved={saved} dirty={form.isDirty()} />
      </Stack>
    </form>
  );
}
