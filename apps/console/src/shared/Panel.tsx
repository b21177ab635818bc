import type { ReactNode } from 'react';
import { Paper, Title } from '@mantine/core';

/** A card of a page with its title (a second-level heading): "Run log", "Preference history". */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
