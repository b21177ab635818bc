import type { MouseEvent, ReactNode } from 'react';
import { Anchor, Table, type AnchorProps, type TableProps } from '@mantine/core';
import { Link, useNavigate } from 'react-router';

/** A column's heading; `visibleFrom` hides it on narrow screens (its row shows what matters elsewhere). */
export type Column = string | { title?: ReactNode; visibleFrom?: 'sm' | 'md'; w?: number };

/**
 * A table with its headings that scrolls sideways inside its box on a phone rather than widening
 * the page. `label` is its accessible name; the children are its rows.
 */
export function DataTable({
  label,
  columns,
  children,
  mah,
  ...tableProps
}: Omit<TableProps, 'children'> & {
  label?: string;
  columns: Column[];
  children: ReactNode;
  mah?: number;
}) {
  return (
    <Table.ScrollContainer minWidth={0} mah={mah}>
      <Table aria-label={label} {...tableProps}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => {
              const { title, ...th } = typeof column === 'string' ? { title: column } : column;
              return (
                <Table.Th key={index} {...th}>
                  {title}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A row that opens its item when clicked anywhere; its RowLink is the keyboard's way in. */
export function LinkRow({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Table.Tr className="row-link" onClick={() => void navigate(to)}>
      {children}
    </Table.Tr>
  );
}

/** The link in a LinkRow: the item's name, and the row's accessible way to open it. */
export function RowLink({
  to,
  children,
  ...props
}: AnchorProps & { to: string; children: ReactNode; className?: string }) {
  return (
    <Anchor
      component={Link}
      to={to}
      fw={600}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      {...props}
    >
      {children}
    </Anchor>
  );
}
