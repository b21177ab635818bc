import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { useSession } from '../auth/session';

/** Admin pages for the admin role; others are told, not shown a broken page. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { user } = useSession();
  if (user.role !== 'admin')
    return (
      <Alert color="gray" title="For administrators" role="status">
        Workspaces, number assignment, users and API keys are managed by your organisation's administrators.
      </Alert>
    );
  return <>{children}</>;
}
