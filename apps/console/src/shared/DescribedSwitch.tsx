import { useId, type ReactNode } from 'react';
import { Stack, Switch, Text, type SwitchProps } from '@mantine/core';

/**
 * A switch whose accessible name is its label alone ("WhatsApp"), with its description and any
 * error beside it as its accessible description. (Mantine puts a description inside the <label>,
 * which would make it part of the name.)
 */
export function DescribedSwitch({
  description,
  error,
  ...props
}: Omit<SwitchProps, 'description' | 'error'> & { description: string; error?: ReactNode }) {
  const id = useId();
  return (
    <Stack gap={2} ml={props.ml}>
      <Switch
        {...props}
        ml={undefined}
        error={Boolean(error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
      />
      <Text id={`${id}-description`} size="xs" c="dimmed" pl={46}>
        {description}
      </Text>
      {error ? (
        <Text id={`${id}-error`} size="sm" c="red.8" pl={46}>
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
