import { Button, Group, Text } from '@mantine/core';
import { ProblemAlert } from './ProblemAlert';

/**
 * The end of a form: what went wrong, its submit button, and (an edit form's) whether the changes
 * are saved.
 */
export function SaveBar({
  problem,
  submitting,
  label = 'Save',
  saved = false,
  dirty = false,
}: {
  problem: string | null;
  submitting: boolean;
  label?: string;
  saved?: boolean;
  dirty?: boolean;
}) {
  return (
    <>
      <ProblemAlert error={problem} title="Not saved" />
      <Group gap="md">
        <Button type="submit" loading={submitting}>
          {label}
        </Button>
        {saved && !dirty ? (
          <Text size="sm" c="teal.8" role="status">
            Saved.
          </Text>
        ) : dirty ? (
          <Text size="sm" c="dimmed">
            Unsaved changes
          </Text>
        ) : null}
      </Group>
    </>
  );
}
