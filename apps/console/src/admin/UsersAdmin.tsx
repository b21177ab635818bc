import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { request } from '../api/client';
import { describeError, fieldErrorsOf } from '../api/errors';
import { useSession } from '../auth/session';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { useAdminMutation, useUsers, useWorkspaces, type User } from './admin-api';

interface UserFormValues {
  email: string;
  password: string;
  role: 'admin' | 'member';
  workspaceIds: string[];
}

function UserForm({ user, onDone }: { user?: User; onDone: () => void }) {
  const workspaces = useWorkspaces();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useAdminMutation((v: UserFormValues) =>
    user
      ? request<User>('PATCH', `/v1/users/${user.id}`, {
          role: v.role,
          workspaceIds: v.workspaceIds,
          ...(v.password ? { password: v.password } : {}),
        })
      : request<User>('POST', '/v1/users', { ...v, email: v.email.trim() }),
  );
  const form = useForm<UserFormValues>({
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
  });
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      await save.mutateAsync(v);
      onDone();
    } catch (error) {
      const { byField, rest } = fieldErrorsOf(error, ['email', 'password', 'role', 'workspaceIds']);
      form.setErrors(byField);
      setProblem(rest);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Email" type="email" disabled={Boolean(user)} {...form.getInputProps('email')} />
        <PasswordInput
          label={user ? 'New password' : 'Password'}
          description={user ? 'Leave empty to keep the current one' : 'At least 12 characters'}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Select
          label="Role"
          data={[
            { value: 'member', label: 'Member: works in the workspaces below' },
            { value: 'admin', label: 'Admin: manages workspaces, numbers, users and keys' },
          ]}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        <MultiSelect
          label="Workspaces"
          data={(workspaces.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
          searchable
          {...form.getInputProps('workspaceIds')}
        />
        {problem ? (
          <Alert color="red" role="alert" title="Not saved">
            {problem}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {user ? 'Save' : 'Create user'}
          </Button>
        </Group>
      </Stack>
    </form>
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
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          New user
        </Button>
      </Group>
      {remove.error ? (
        <Alert color="red" role="alert" title="Not deleted">
          {describeError(remove.error)}
        </Alert>
      ) : null}
      <Paper p={0}>
        <QueryState query={users} loadingLabel="Loading users…">
          {(items) =>
            items.length === 0 ? (
              <EmptyNotice title="No users" />
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Email</Table.Th>
                      <Table.Th>Role</Table.Th>
                      <Table.Th visibleFrom="sm">Workspaces</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((u) => (
                      <Table.Tr key={u.id}>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{u.email}</Table.Td>
                        <Table.Td>
                          <Badge
                            variant="light"
                            color={u.role === 'admin' ? 'grape' : 'gray'}
                            radius="sm"
                            tt="none"
                          >
                            {u.role === 'admin' ? 'Admin' : 'Member'}
                          </Badge>
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
                              <Button
                                size="xs"
                                color="red"
                                variant="light"
                                aria-label={`Delete ${u.email}`}
                                onClick={() =>
                                  window.confirm(`Delete ${u.email}? Their sessions end.`) && remove.mutate(u)
                                }
                              >
                                Delete
                              </Button>
                            ) : null}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
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
