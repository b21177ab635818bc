import { useState } from 'react';
import { Fieldset, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Member } from '../api/types';
import { fieldErrorsOf } from '../api/errors';
import type { MemberPatch } from './member-api';
import { toMemberFormValues, toMemberPatch, validateMemberForm, type MemberFormValues } from './member-form';
import { DescribedSwitch } from '../shared/DescribedSwitch';
import { SaveBar } from '../shared/SaveBar';

const FIELDS = [
  'firstName',
  'lastName',
  'phone',
  'email',
  'notifySms',
  'notifyEmail',
  'notifyVoice',
  'notifyWhatsapp',
] as const;

/** A member's details and notification switches; each switch change is audited by the API. */
export function MemberForm({
  member,
  onSave,
}: {
  member: Member;
  onSave: (patch: MemberPatch) => Promise<unknown>;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<MemberFormValues>({
    initialValues: toMemberFormValues(member),
    validate: validateMemberForm,
    onValuesChange: () => setSaved(false),
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await onSave(toMemberPatch(values));
      form.resetDirty();
      setSaved(true);
    } catch (error) {
      const { byField, rest } = fieldErrorsOf(error, FIELDS);
      // A phone already taken (409) belongs to the phone field.
      if (rest && /phone/i.test(rest) && !byField.phone) {
        form.setErrors({ ...byField, phone: rest });
        setProblem(null);
      } else {
        form.setErrors(byField);
        setProblem(rest);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="First name" autoComplete="off" {...form.getInputProps('firstName')} />
          <TextInput label="Last name" autoComplete="off" {...form.getInputProps('lastName')} />
          <TextInput label="Phone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
          <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps('email')} />
        </SimpleGrid>
        <Fieldset legend="Notifications the system may send">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              These switches gate messages your actions, agents and broadcasts start. Replies to a member who
              wrote in are always allowed unless they opted out.
            </Text>
            <Switch label="SMS" {...form.getInputProps('notifySms', { type: 'checkbox' })} />
            <Switch label="Email" {...form.getInputProps('notifyEmail', { type: 'checkbox' })} />
            <Switch label="Voice" {...form.getInputProps('notifyVoice', { type: 'checkbox' })} />
            <DescribedSwitch
              label="WhatsApp"
              description="Off until the member agrees to WhatsApp messages (Meta requires explicit opt-in)"
              {...form.getInputProps('notifyWhatsapp', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>
        <SaveBar problem={problem} submitting={form.submitting} saved={saved} dirty={form.isDirty()} />
      </Stack>
    </form>
  );
}
