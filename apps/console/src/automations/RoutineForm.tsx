import type { Routine } from '../api/types';
import { emptyAction, toAction, toActionValues, validateAction, type ActionFormValues } from './action-form';
import { ActionFields } from './ActionFields';
import { CelField } from './CelField';
import type { RoutineInput } from './automation-api';
import { SaveForm, type SaveFormProps } from '../shared/SaveForm';
import { useSaveForm } from '../shared/use-save-form';
import { TextField } from '../shared/form-fields';

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
  submitLabel,
}: { routine?: Routine } & SaveFormProps<RoutineInput>) {
  const saving = useSaveForm<RoutineFormValues>({
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
    fields: ['name', 'memberFilter', 'schedule', 'action'],
    save: (v) =>
      onSave({
        name: v.name.trim(),
        memberFilter: v.memberFilter.trim(),
        ...(v.schedule.trim() ? { schedule: v.schedule.trim() } : {}),
        action: toAction(v.action),
      }),
    // The service names a bad filter "filter: …": it belongs to Members.
    placeRest: (rest) => (rest.startsWith('filter: ') ? ['memberFilter', rest.slice(8)] : null),
  });
  return (
    <SaveForm saving={saving} submitLabel={submitLabel}>
      <TextField field="name" label="Name" maw={480} />
      <CelField
        field="memberFilter"
        label="Members"
        description="CEL over member: first_name, last_name, phone, email, notify_sms, notify_whatsapp, opted_out…"
      />
      <TextField
        field="schedule"
        label="Schedule"
        description='Optional cron, e.g. "0 9 * * 1" for Mondays at 09:00; empty runs only when you press Run now'
        maw={360}
      />
      <ActionFields />
    </SaveForm>
  );
}
