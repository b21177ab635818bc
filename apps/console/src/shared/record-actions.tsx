import { createContext, useContext, useState, type ReactNode } from 'react';
import { Button, Paper, Switch } from '@mantine/core';
import { useNavigate } from 'react-router';
import { ConfirmButton } from './ConfirmButton';

/** Runs an action and keeps its failure to show (useAction's `act`). */
type Act = (action: () => Promise<unknown>) => Promise<void>;

type Editor = ReturnType<typeof useEditor>;

/** The item's form, edited in place: EditButton opens and closes it, a save closes it. */
export function useEditor() {
  const [editing, setEditing] = useState(false);
  return {
    editing,
    toggle: () => setEditing((v) => !v),
    /** The form's onSave: `save`, then close the form. */
    closeAfter:
      <I,>(save: (input: I) => Promise<unknown>) =>
      async (input: I) => {
        await save(input);
        setEditing(false);
      },
  };
}

/** Opens and closes the item's form in place. */
export function EditButton({ editor }: { editor: Editor }) {
  return (
    <Button variant="default" onClick={editor.toggle}>
      {editor.editing ? 'Close editor' : 'Edit'}
    </Button>
  );
}

/** The item's form while the editor is open. */
export function EditorPanel({ editor, children }: { editor: Editor; children: ReactNode }) {
  return editor.editing ? <Paper>{children}</Paper> : null;
}

/** Turns the item on or off at once; a refusal shows through `act`. */
export function EnabledSwitch({
  enabled,
  change,
  act,
}: {
  enabled: boolean;
  change: { isPending: boolean; mutateAsync: (patch: { enabled: boolean }) => Promise<unknown> };
  act: Act;
}) {
  return (
    <Switch
      label="Enabled"
      checked={enabled}
      disabled={change.isPending}
      onChange={(e) => {
        const checked = e.currentTarget.checked;
        void act(() => change.mutateAsync({ enabled: checked }));
      }}
    />
  );
}

/** The list a record's page links back to (RecordPage gives it): where a deleted record leaves to. */
export const RecordListPath = createContext<string | null>(null);

/**
 * Deletes the item after asking ("Delete this routine?", then `children`: what goes with it), then
 * goes back to its list.
 */
export function DeleteButton({
  noun,
  remove,
  act,
  children,
}: {
  noun: string;
  remove: { isPending: boolean; mutateAsync: () => Promise<unknown> };
  act: Act;
  children: string;
}) {
  const navigate = useNavigate();
  const back = useContext(RecordListPath);
  if (back === null) throw new Error('A DeleteButton stands on a RecordPage, which says where to go back to');
  return (
    <ConfirmButton
      title={`Delete this ${noun}?`}
      message={children}
      confirmLabel={`Delete ${noun}`}
      loading={remove.isPending}
      onConfirm={() =>
        act(async () => {
          await remove.mutateAsync();
          void navigate(back);
        })
      }
    >
      Delete
    </ConfirmButton>
  );
}
