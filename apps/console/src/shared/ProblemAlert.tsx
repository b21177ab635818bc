import { Alert, type AlertProps } from '@mantine/core';
import { describeError } from '../api/errors';

/** What went wrong with the last action, in words (a message or anything thrown); nothing when all is well. */
export function ProblemAlert({
  error,
  title = 'Not done',
  ...props
}: Omit<AlertProps, 'children' | 'title'> & { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={title} {...props}>
      {describeError(error)}
    </Alert>
  );
}
