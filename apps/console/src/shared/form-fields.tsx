import { createContext, useContext, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { MultiSelect, NumberInput, PasswordInput, Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DescribedSwitch } from './DescribedSwitch';
import { LongTextInput } from './LongTextInput';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's values: a field names its own path
type AnyForm = UseFormReturnType<any>;

const FormContext = createContext<AnyForm | null>(null);

/** The form around these fields (SaveForm's or FieldsOf's), for a group of fields that reads its values. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Mantine's own bound for form values
export function useFieldsForm<V extends Record<string, any>>(): UseFormReturnType<V> {
  const form = useContext(FormContext);
  if (!form) throw new Error('These fields stand outside a SaveForm or FieldsOf');
  return form as UseFormReturnType<V>;
}

/** Gives `form` to the fields inside (SaveForm does it for its own form). */
export function FieldsOf({ form, children }: { form: AnyForm; children: ReactNode }) {
  return <FormContext.Provider value={form}>{children}</FormContext.Provider>;
}

/**
 * A Mantine input bound to the field `field` of the form around it (SaveForm or FieldsOf): its
 * value, its change and its error, as `{...form.getInputProps(field)}` gives them; `checkbox` for
 * a switch, whose value is `checked`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any input component: its own props are kept
function bound<C extends ComponentType<any>>(Input: C, options?: { type: 'checkbox' }) {
  function Field({
    field,
    ...props
  }: Omit<ComponentProps<C>, 'value' | 'onChange' | 'checked'> & { field: string }) {
    const form = useFieldsForm();
    const Component = Input as ComponentType<Record<string, unknown>>;
    return <Component {...props} {...form.getInputProps(field, options)} />;
  }
  Field.displayName = `Field(${Input.displayName ?? Input.name})`;
  return Field;
}

export const TextField = bound(TextInput);
export const LongTextField = bound(LongTextInput);
export const PasswordField = bound(PasswordInput);
export const NumberField = bound(NumberInput);
export const SelectField = bound(Select);
export const MultiSelectField = bound(MultiSelect);
export const DescribedSwitchField = bound(DescribedSwitch, { type: 'checkbox' });
