import type { EventRule } from '../api/types';
import { emptyAction, toAction, toActionValues, validateAction, type ActionFormValues } from './action-form';
import { ActionFields } from './ActionFields';
import { CelField } from './CelField';
import type { RuleInput } from './automation-api';
import { SaveForm, type SaveFormProps } from '../shared/SaveForm';
import { useSaveForm } from '../shared/use-save-form';
import { TextField } from '../shared/form-fields';

interface RuleFormValues {
  event: string;
  condition: string;
  action: ActionFormValues;
}

/** A rule: the event it listens to, an optional CEL condition, and what it sends. */
export function RuleForm({ rule, onSave, submitLabel }: { rule?: EventRule } & SaveFormProps<RuleInput>) {
  const saving = useSaveForm<RuleFormValues>({
    initialValues: {
      event: rule?.event ?? '',
      condition: rule?.condition ?? '',
      action: rule ? toActionValues(rule.action) : emptyAction(),
    },
    validate: (v) => ({
      ...(v.event.trim() ? {} : { event: 'Name the event, for example form_submitted' }),
      ...validateAction(v.action),
    }),
    fields: ['event', 'condition', 'action'],
    save: (v) =>
      onSave({
        event: v.event.trim(),
        ...(v.condition.trim() ? { condition: v.condition.trim() } : {}),
        action: toAction(v.action),
      }),
  });
  return (
    <SaveForm saving={saving} submitLabel={submitLabel}>
      <TextField
        field="event"
        label="Event"
        description="The event type that triggers this rule (form_submitted, task_entered, …)"
        maw={360}
      />
      <CelField
        field="condition"
        label="Condition"
        description='Optional CEL over event and member, e.g. event.data.kind == "reminder"'
      />
      <ActionFields />
    </SaveForm>
  );
}
