import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** "New …": opens a form (onClick) or the page that makes one (to). */
export function NewButton({
  to,
  onClick,
  children,
}: {
  to?: string;
  onClick?: () => void;
  children: ReactNode;
}) {
  const plus = <IconPlus size={16} aria-hidden />;
  return to ? (
    <Button component={Link} to={to} leftSection={plus}>
      {children}
    </Button>
  ) : (
    <Button leftSection={plus} onClick={onClick}>
      {children}
    </Button>
  );
}
