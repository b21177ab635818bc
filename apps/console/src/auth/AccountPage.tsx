import { useState } from 'react';
import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { DataTable } from '../shared/DataTable';
import { formatDateTime } from '../shared/format';
import { PageHeader } from '../shared/PageHeader';
import { ProblemAlert } from '../shared/ProblemAlert';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { Tag } from '../shared/Tag';
import { useSession } from './session';
import { changePassword } from './session-api';
import { FieldsOf, PasswordField } from '../shared/form-fields';

interface SessionRow {
  id: string;
  current?: boolean;
  createdAt?: string;
  lastSeenAt?: string | null;
  userAgent?: string | null;
  ip?: string | null;
}

function PasswordForm() {
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v ? null : 'Enter your current password'),
      newPassword: (v) => (v.length >= 12 ? null : 'At least 12 characters'),
      repeat: (v, values) => (v === values.newPassword ? null : 'Does not match the new password'),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    setDone(false);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      form.reset();
      setDone(true);
    } catch (error) {
      setProblem(describeError(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <FieldsOf form={form}>
        <Stack gap="sm" maw={420}>
          <PasswordField field="currentPassword" label="Current password" autoComplete="current-password" />
          <PasswordField field="newPassword" label="New password" autoComplete="new-password" />
          <PasswordField field="repeat" label="Repeat the new password" autoComplete="new-password" />
          <ProblemAlert error={problem} title="Not changed" />
          {done ? (
            <Text size="sm" c="teal.8" role="status">
              Password changed. Your other sessions were signed out.
            </Text>
          ) : null}
          <div>
            <Button type="submit" loading={form.submitting}>
              Change password
            </Button>
          </div>
        </Stack>
      </FieldsOf>
    </form>
  );
}

function Sessions() {
  const client = useQueryClient();
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: async (): Promise<SessionRow[]> => (await unwrap(api.GET('/v1/sessions'))).items,
  });
  const end = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/v1/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sessions'] }),
  });
  return (
    <QueryState query={sessions} loadingLabel="Loading sessions…">
      {(items) =>
        items.length === 0 ? (
          <EmptyNotice title="No sessions" />
        ) : (
          <DataTable columns={['Signed in', { title: 'Browser', visibleFrom: 'sm' }, {}]}>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td className="tabular">
                  {formatDateTime(s.createdAt)} {s.current ? <Tag size="sm">This browser</Tag> : null}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm" lineClamp={1}>
                    {s.userAgent ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {s.current ? null : (
                    <Button size="xs" variant="light" color="red" onClick={() => end.mutate(s.id)}>
                      Sign out
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )
      }
    </QueryState>
  );
}

export function AccountPage() {
  const { user } = useSession();
  return (
    <>
      <PageHeader
        title="Account"
        description={`${user.email} · ${user.role === 'admin' ? 'Administrator' : 'Member'}`}
      />
      <Stack gap="lg">
        <Paper>
          <Title order={2} size="h4" mb="sm">
            Password
          </Title>
          <PasswordForm />
        </Paper>
        <Paper>
          <Title order={2} size="h4" mb="sm">
            Where you are signed in
          </Title>
          <Sessions />
        </Paper>
      </Stack>
    </>
  );
}
