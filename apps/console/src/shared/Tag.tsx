import type { ReactNode } from 'react';
import { Badge, type BadgeProps } from '@mantine/core';

/** A state in a word, boxed in its colour (the word carries it, never the colour alone). */
export function Tag({ children, variant = 'light', ...props }: BadgeProps & { children: ReactNode }) {
  return (
    <Badge variant={variant} radius="sm" tt="none" {...props}>
      {children}
    </Badge>
  );
}

/** On or Off. */
export function OnOffBadge({ on }: { on: boolean }) {
  return <Tag color={on ? 'teal' : 'gray'}>{on ? 'On' : 'Off'}</Tag>;
}

/** A status in a table cell: its word and colour, never wrapped or squeezed. */
export function StatusTag({ status: [label, color] }: { status: [string, string] }) {
  return (
    <Tag color={color} style={{ minWidth: 'max-content' }}>
      {label}
    </Tag>
  );
}
