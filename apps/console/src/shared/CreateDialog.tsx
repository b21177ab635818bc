import type { ReactNode } from 'react';
import { Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';

/**
 * A list page's "New …" dialog: its form's `save` creates the record, then the dialog closes and
 * `then` gets what was created (to open it, or to show its secret once).
 */
export function useCreateDialog<I, R>(
  create: { mutateAsync: (input: I) => Promise<R> },
  then: (created: R) => void,
) {
  const [opened, { open, close }] = useDisclosure(false);
  const save = async (input: I) => {
    const created = await create.mutateAsync(input);
    close();
    then(created);
  };
  return { opened, open, close, save };
}

export function CreateDialog({
  dialog,
  title,
  children,
}: {
  dialog: { opened: boolean; close: () => void };
  title: string;
  children: ReactNode;
}) {
  return (
    <Modal opened={dialog.opened} onClose={dialog.close} title={title} size="lg">
      {children}
    </Modal>
  );
}
