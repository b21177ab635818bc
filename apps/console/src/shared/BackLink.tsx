import { Anchor } from '@mantine/core';
import { Link, type To } from 'react-router';

/** The way back from an item to its list: "← Members". */
export function BackLink({ to, children }: { to: To; children: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      ← {children}
    </Anchor>
  );
}
