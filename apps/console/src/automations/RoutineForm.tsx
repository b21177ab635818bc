import { useState } from 'react';
import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { fieldErrorsOf } from '../api/errors';
import type { Routine } from '../api/types';
import { emptyAction, toAction, toActionValues, validateAction, type ActionFormValues } from './action-form';
import { ActionFields } from './ActionFields';
import type { RoutineInput } from './automation-api';

interface RoutineFormValues {
  name: string;
  memberFilter: string;
  schedule: string;
  action: ActionFormValues;
}

/** A routine: which members (a CEL filter), what to send each, and when (cron, or on demand). */
export function RoutineForm({
  routine,
  onSave,
  submitLabel = 'Save',
}: {
  routine?: Routine;
  onSave: (input: RoutineInput) => Promise<unknown>;
  submitLabel?: string;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<RoutineFormValues>({
    initialValues: {
      name: routine?.name ?? '',
      memberFilter: routine?.memberFilter ?? 'member.notify_whatsapp && !member.opted_out',
      schedule: routine?.schedule ?? '',
      action: routine ? toActionValues(routine.action) : emptyAction(),
    },
    validate: (v) => ({
      ...(v.name.trim() ? {} : { name: 'Give the routine a name' }),
      ...(v.memberFilter.trim()
        ? {}
        : { memberFilter: 'Say which members, for example member.notify_whatsapp' }),
      ...validateAction(v.action),
    }),
  });
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      await onSave({
        name: v.name.trim(),
        memberFilter: v.memberFilter.trim(),
        ...(v.schedule.trim() ? { schedule: v.schedule.trim() } : {}),
        action: toAction(v.action),
      });
    } catch (error) {
      const { byField, rest } = fieldErrorsOf(error, ['name', 'memberFilter', 'schedule', 'action']);
      if (rest?.startsWith('filter: ')) form.setErrors({ ...byField, memberFilter: rest.slice(8) });
      else form.setErrors(byField);
      setProblem(rest?.startsWith('filter: ') ? null : rest);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Name" maw={480} {...form.getInputProps('name')} />
        <Textarea
          label="Members"
          description="CEL over member: first_name, last_name, phone, email, notify_sms, notify_whatsapp, opted_out…"
          autosize
          minRows={1}
          maw={640}
          {...form.getInputProps('memberFilter')}
        />
        <TextInput
          label="Schedule"
          description='Optional cron, e.g. "0 9 * * 1" for Mondays at 09:00; empty runs only when you press Run now'
          maw={360}
          {...form.getInputProps('schedule')}
        />
        <ActionFields form={form} />
        {problem ? (
          <Alert color="red" role="alert" title="Not saved">
            {problem}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
