import { useId } from 'react';
import { Group, SegmentedControl, Text, type SegmentedControlProps } from '@mantine/core';

/**
 * A segmented control with a visible label that is its accessible name (Mantine's has no label
 * of its own). `labelWidth` puts the label beside it, at that width, so stacked filters line up;
 * without it the label stands above, as a form field's does.
 */
export function LabelledSegmentedControl({
  label,
  labelWidth,
  ...props
}: SegmentedControlProps & { label: string; labelWidth?: number }) {
  const id = useId();
  const control = <SegmentedControl aria-labelledby={id} {...props} />;
  const name = (
    <Text size="sm" fw={500} id={id} w={labelWidth} mb={labelWidth === undefined ? 4 : undefined}>
      {label}
    </Text>
  );
  return labelWidth === undefined ? (
    <div>
      {name}
      {control}
    </div>
  ) : (
    <Group gap="sm">
      {name}
      {control}
    </Group>
  );
}
