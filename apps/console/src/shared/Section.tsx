import type { ReactNode } from 'react';
import { Stack, Title } from '@mantine/core';

/**
 * A titled part of a page or a form ("Channels", "API keys"): a second-level heading, or a
 * third-level one inside a part that has its own.
 */
export function Section({
  title,
  level = 2,
  children,
}: {
  title: string;
  level?: 2 | 3;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm">
      <Title order={level} size={level === 2 ? 'h4' : 'h5'}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
