import { useState } from 'react';
import { Button, Group, TextInput, type ButtonProps } from '@mantine/core';

/**
 * A text field beside its button ("Assign number", "Create key"): submits the trimmed text, and
 * empties the field once that succeeded. `required` keeps the button off while the field is empty.
 */
export function OneFieldForm({
  label,
  description,
  placeholder,
  buttonLabel,
  buttonVariant,
  inputWidth = 340,
  required = false,
  pending,
  submit,
}: {
  label: string;
  description?: string;
  placeholder?: string;
  buttonLabel: string;
  buttonVariant?: ButtonProps['variant'];
  inputWidth?: number;
  required?: boolean;
  pending: boolean;
  submit: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit(text.trim()).then(() => setText(''));
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          label={label}
          description={description}
          placeholder={placeholder}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={{ base: '100%', sm: inputWidth }}
        />
        <Button type="submit" variant={buttonVariant} loading={pending} disabled={required && !text.trim()}>
          {buttonLabel}
        </Button>
      </Group>
    </form>
  );
}
