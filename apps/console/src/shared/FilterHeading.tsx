import { useState } from 'react';
import { Group, Select, Title } from '@mantine/core';

type FilterOption<T extends string> = { value: T | 'all'; label: string };

/**
 * The status a list is filtered by, 'all' (the first option) at first. `selected` is what to ask
 * the API for: null for all.
 */
export function useFilter<T extends string>(options: Array<FilterOption<T>>) {
  const [value, setValue] = useState<T | 'all'>('all');
  return {
    options,
    value,
    setValue,
    selected: value === 'all' ? null : value,
    /** The chosen option's label, in lower case ("failed"), for "No failed members". */
    name: options.find((o) => o.value === value)?.label.toLowerCase(),
  };
}

/** A section's heading with the select that filters its list ("Deliveries" · Outcome). */
export function FilterHeading<T extends string>({
  title,
  label,
  filter: { options, value, setValue },
}: {
  title: string;
  label: string;
  filter: ReturnType<typeof useFilter<T>>;
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Select
        label={label}
        data={options}
        value={value}
        onChange={(v) => setValue(v ?? options[0].value)}
        allowDeselect={false}
        w={160}
        comboboxProps={{ withinPortal: true }}
      />
    </Group>
  );
}
