import { useState } from 'react';
import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { fieldErrorsOf } from '../api/errors';
import type { EventRule } from '../api/types';
import { emptyAction, toAction, toActionValues, validateAction, type ActionFormValues } from './action-form';
import { ActionFields } from './ActionFields';
import type { RuleInput } from './automation-api';

interface RuleFormValues {
  event: string;
  condition: string;
  action: ActionFormValues;
}

/** A rule: the event it listens to, an optional CEL condition, and what it sends. */
export function RuleForm({
  rule,
  onSave,
  submitLabel = 'Save',
}: {
  rule?: EventRule;
  onSave: (input: RuleInput) => Promise<unknown>;
  submitLabel?: string;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<RuleFormValues>({
    initialValues: {
      event: rule?.event ?? '',
      condition: rule?.condition ?? '',
      action: rule ? toActionValues(rule.action) : emptyAction(),
    },
    validate: (v) => ({
      ...(v.event.trim() ? {} : { event: 'Name the event, for example form_submitted' }),
      ...validateAction(v.action),
    }),
  });
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      await onSave({
        event: v.event.trim(),
        ...(v.condition.trim() ? { condition: v.condition.trim() } : {}),
        action: toAction(v.action),
      });
    } catch (error) {
      const { byField, rest } = fieldErrorsOf(error, ['event', 'condition', 'action']);
      form.setErrors(byField);
      setProblem(rest);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Event"
          description="The event type that triggers this rule (form_submitted, task_entered, …)"
          maw={360}
          {...form.getInputProps('event')}
        />
        <Textarea
          label="Condition"
          description='Optional CEL over event and member, e.g. event.data.kind == "reminder"'
          autosize
          minRows={1}
          maw={640}
          {...form.getInputProps('condition')}
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
