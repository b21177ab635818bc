import type { ReactNode } from 'react';
import { Stack, type MantineSpacing } from '@mantine/core';
import { FieldsOf } from './form-fields';
import { SaveBar } from './SaveBar';
import type { useSaveForm } from './use-save-form';

/** What a form that creates or edits a record takes: what saving does, and its button's words. */
export interface SaveFormProps<I> {
  onSave: (input: I) => Promise<unknown>;
  submitLabel?: string;
}

/**
 * A form that saves through the API (useSaveForm): its fields (bound to it: TextField…), then the save bar. `showSaved`
 * (an edit page's own form, which stays open) says whether the changes are saved.
 */
export function SaveForm({
  saving: { form, problem, saved, submit },
  submitLabel,
  showSaved = false,
  gap = 'md',
  children,
}: {
  saving: Pick<ReturnType<typeof useSaveForm>, 'form' | 'problem' | 'saved' | 'submit'>;
  submitLabel?: string;
  showSaved?: boolean;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={gap}>
        <FieldsOf form={form}>{children}</FieldsOf>
        <SaveBar
          problem={problem}
          submitting={form.submitting}
          label={submitLabel}
          {...(showSaved ? { saved, dirty: form.isDirty() } : {})}
        />
      </Stack>
    </form>
  );
}
