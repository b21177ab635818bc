import { Alert, Button, Group, Text } from '@mantine/core';

/** The end of an edit form: what went wrong, Save, and whether the changes are saved. */
export function SaveBar({
  problem,
  submitting,
  saved,
  dirty,
}: {
  problem: string | null;
  submitting: boolean;
  saved: boolean;
  dirty: boolean;
}) {
  return (
    <>
      {problem ? (
        <Alert color="red" role="alert" title="Not saved">
          {problem}
        </Alert>
      ) : null}
      <Group gap="md">
        <Button type="submit" loading={submitting}>
          Save
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
