import { useState } from 'react';
import { Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { request } from '../api/client';
import { useSession } from '../auth/session';
import { ConfirmButton } from '../shared/ConfirmButton';
import { DataTable } from '../shared/DataTable';
import { NewButton } from '../shared/NewButton';
import { ProblemAlert } from '../shared/ProblemAlert';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { SaveForm } from '../shared/SaveForm';
import { Tag } from '../shared/Tag';
import { useSaveForm } from '../shared/use-save-form';
import { useAdminMutation, useUsers, useWorkspaces, type User } from './admin-api';
import { MultiSelectField, PasswordField, SelectField, TextField } from '../shared/form-fields';

interface UserFormValues {
  email: string;
  password: string;
  role: 'admin' | 'member';
  workspaceIds: string[];
}

function UserForm({ user, onDone }: { user?: User; onDone: () => void }) {
  const workspaces = useWorkspaces();
  const save = useAdminMutation((v: UserFormValues) =>
    user
      ? request<User>('PATCH', `/v1/users/${user.id}`, {
          role: v.role,
          workspaceIds: v.workspaceIds,
          ...(v.password ? { password: v.password } : {}),
        })
      : request<User>('POST', '/v1/users', { ...v, email: v.email.trim() }),
  );
  const saving = useSaveForm<UserFormValues>({
    initialValues: {
      email: user?.email ?? '',
      password: '',
      role: user?.role ?? 'member',
      workspaceIds: user?.workspaceIds ?? [],
    },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address'),
      password: (v) => (user && !v ? null : v.length >= 12 ? null : 'At least 12 characters'),
    },
    fields: ['email', 'password', 'role', 'workspaceIds'],
    save: async (v) => {
      await save.mutateAsync(v);
      onDone();
    },
  });
  return (
    <SaveForm saving={saving} submitLabel={user ? 'Save' : 'Create user'} gap="sm">
      <TextField field="email" label="Email" type="email" disabled={Boolean(user)} />
      <PasswordField
        field="password"
        label={user ? 'New password' : 'Password'}
        description={user ? 'Leave empty to keep the current one' : 'At least 12 characters'}
        autoComplete="new-password"
      />
      <SelectField
        field="role"
        label="Role"
        data={[
          { value: 'member', label: 'Member: works in the workspaces below' },
          { value: 'admin', label: 'Admin: manages workspaces, numbers, users and keys' },
        ]}
        allowDeselect={false}
      />
      <MultiSelectField
        field="workspaceIds"
        label="Workspaces"
        data={(workspaces.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
        searchable
      />
    </SaveForm>
  );
}

export function UsersAdmin() {
  const users = useUsers();
  const workspaces = useWorkspaces();
  const { user: me } = useSession();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const remove = useAdminMutation((u: User) => request<void>('DELETE', `/v1/users/${u.id}`));
  const nameOf = (id: string) => workspaces.data?.find((w) => w.id === id)?.name ?? 'Unknown';
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <NewButton onClick={() => setEditing('new')}>New user</NewButton>
      </Group>
      <ProblemAlert error={remove.error} title="Not deleted" />
      <Paper p={0}>
        <QueryState query={users} loadingLabel="Loading users…">
          {(items) =>
            items.length === 0 ? (
              <EmptyNotice title="No users" />
            ) : (
              <DataTable columns={['Email', 'Role', { title: 'Workspaces', visibleFrom: 'sm' }, {}]}>
                {items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{u.email}</Table.Td>
                    <Table.Td>
                      <Tag color={u.role === 'admin' ? 'grape' : 'gray'}>
                        {u.role === 'admin' ? 'Admin' : 'Member'}
                      </Tag>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm">{u.workspaceIds.map(nameOf).join(', ') || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Edit ${u.email}`}
                          onClick={() => setEditing(u)}
                        >
                          Edit
                        </Button>
                        {u.id !== me.id ? (
                          <ConfirmButton
                            size="xs"
                            aria-label={`Delete ${u.email}`}
                            title="Delete this user?"
                            message={`${u.email} can no longer sign in, and their sessions end now.`}
                            confirmLabel="Delete user"
                            onConfirm={() => remove.mutate(u)}
                          >
                            Delete
                          </ConfirmButton>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )
          }
        </QueryState>
      </Paper>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New user' : `Edit ${editing?.email ?? ''}`}
      >
        {editing ? (
          <UserForm user={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        ) : null}
      </Modal>
    </Stack>
  );
}
