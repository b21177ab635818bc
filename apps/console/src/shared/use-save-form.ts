import { useState } from 'react';
import { useForm, type FormValidateInput } from '@mantine/form';
import { fieldErrorsOf } from '../api/errors';

type ErrorsOf = (
  error: unknown,
  fields: readonly string[],
) => { byField: Record<string, string>; rest: string | null };

/**
 * An edit form that saves through the API: the api's refusal shows at the fields it names, what
 * is left at the field `placeRest` says it belongs to, else as the form's problem; after a save
 * the form is clean and `saved` holds until the next change.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Mantine's own bound for form values (interfaces fit it)
export function useSaveForm<V extends Record<string, any>>({
  initialValues,
  validate,
  fields,
  save,
  errorsOf = fieldErrorsOf,
  placeRest,
}: {
  initialValues: V;
  validate: FormValidateInput<V>;
  /** The fields an api message may name ("email: Invalid email"). */
  fields: readonly string[];
  save: (values: V) => Promise<unknown>;
  errorsOf?: ErrorsOf;
  placeRest?: (rest: string, error: unknown, byField: Record<string, string>) => [string, string] | null;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<V>({ initialValues, validate, onValuesChange: () => setSaved(false) });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await save(values);
      form.resetDirty();
      setSaved(true);
    } catch (error) {
      const { byField, rest } = errorsOf(error, fields);
      const placed = rest ? placeRest?.(rest, error, byField) : null;
      form.setErrors(placed ? { ...byField, [placed[0]]: placed[1] } : byField);
      setProblem(placed ? null : rest);
    }
  });
  return { form, problem, saved, submit };
}
