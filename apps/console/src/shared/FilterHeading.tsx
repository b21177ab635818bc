import { Group, Select, Title } from '@mantine/core';

/** A section's heading with the select that filters its list ("Deliveries" · Outcome). */
export function FilterHeading<T extends string>({
  title,
  label,
  options,
  value,
  onChange,
}: {
  title: string;
  label: string;
  options: Array<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
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
        onChange={(v) => onChange(v ?? options[0].value)}
        allowDeselect={false}
        w={160}
        comboboxProps={{ withinPortal: true }}
      />
    </Group>
  );
}
