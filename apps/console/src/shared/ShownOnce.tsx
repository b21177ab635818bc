import type { ReactNode } from 'react';
import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';

/** A secret shown once, right after it is made (a key, a signing secret): copy it, then Done. */
export function ShownOnce({
  value,
  title,
  codeLabel,
  copyLabel,
  children,
  onClose,
}: {
  /** Null: nothing to show, the dialog is closed. */
  value: string | null | undefined;
  title: string;
  codeLabel?: string;
  copyLabel: string;
  children: ReactNode;
  onClose: () => void;
}) {
  return (
    <Modal opened={value != null} onClose={onClose} title={title}>
      <Stack gap="sm">
        <Text size="sm">{children}</Text>
        <Code block aria-label={codeLabel} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {value}
        </Code>
        <Group>
          <CopyButton value={value ?? ''}>
            {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : copyLabel}</Button>}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
