import { Fieldset, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import type { Member } from '../api/types';
import type { MemberPatch } from './member-api';
import { toMemberFormValues, toMemberPatch, validateMemberForm } from './member-form';
import { SaveForm } from '../shared/SaveForm';
import { useSaveForm } from '../shared/use-save-form';
import { DescribedSwitchField, TextField } from '../shared/form-fields';

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
  const saving = useSaveForm({
    initialValues: toMemberFormValues(member),
    validate: validateMemberForm,
    fields: FIELDS,
    save: (values) => onSave(toMemberPatch(values)),
    // A phone already taken (409) belongs to the phone field.
    placeRest: (rest, _error, byField) => (/phone/i.test(rest) && !byField.phone ? ['phone', rest] : null),
  });
  const { form } = saving;

  return (
    <SaveForm saving={saving} showSaved gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextField field="firstName" label="First name" autoComplete="off" />
        <TextField field="lastName" label="Last name" autoComplete="off" />
        <TextField field="phone" label="Phone" type="tel" autoComplete="off" />
        <TextField field="email" label="Email" type="email" autoComplete="off" />
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
          <DescribedSwitchField
            field="notifyWhatsapp"
            label="WhatsApp"
            description="Off until the member agrees to WhatsApp messages (Meta requires explicit opt-in)"
          />
        </Stack>
      </Fieldset>
    </SaveForm>
  );
}
