import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUpload } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { Member } from '../api/types';
import { memberName } from '../shared/format';
import { LoadMore } from '../shared/cursor-list';
import { PageHeader } from '../shared/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../shared/QueryState';
import { useMemberList } from './member-api';

const SWITCHES = [
  ['notifySms', 'SMS'],
  ['notifyEmail', 'Email'],
  ['notifyVoice', 'Voice'],
  ['notifyWhatsapp', 'WhatsApp'],
] as const;

function Reachable({ member }: { member: Member }) {
  if (member.optedOut)
    return (
      <Badge color="red" variant="light" radius="sm" tt="none">
        Opted out
      </Badge>
    );
  const on = SWITCHES.filter(([field]) => member[field]).map(([, label]) => label);
  return on.length ? <Text size="sm">{on.join(', ')}</Text> : <Text c="dimmed">None</Text>;
}

export function MembersPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const list = useMemberList(debounced);
  const navigate = useNavigate();

  let body;
  if (list.isPending) body = <Loading label="Loading members…" />;
  else if (list.error) body = <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.items.length === 0)
    body = debounced ? (
      <EmptyNotice title="No member matches">
        Nobody's name, phone or email contains “{debounced}”.
      </EmptyNotice>
    ) : (
      <EmptyNotice title="No members yet">
        Members appear when someone messages one of your numbers, or import them from a CSV file.
      </EmptyNotice>
    );
  else
    body = (
      <>
        <Table.ScrollContainer minWidth={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th visibleFrom="sm">Phone</Table.Th>
                <Table.Th visibleFrom="md">Email</Table.Th>
                <Table.Th>Notifications on</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((m) => (
                <Table.Tr key={m.id} className="row-link" onClick={() => void navigate(`/members/${m.id}`)}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/members/${m.id}`}
                      fw={600}
                      onClick={(e) => e.stopPropagation()}
                    >
                      {memberName(m)}
                    </Anchor>
                    <Text size="xs" c="dimmed" hiddenFrom="sm" className="tabular">
                      {m.phone}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm" className="tabular">
                    {m.phone ?? <Text c="dimmed">None</Text>}
                  </Table.Td>
                  <Table.Td visibleFrom="md">{m.email ?? <Text c="dimmed">None</Text>}</Table.Td>
                  <Table.Td>
                    <Reachable member={m} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <LoadMore list={list} count={list.items.length} />
      </>
    );

  return (
    <>
      <PageHeader
        title="Members"
        description="The people your numbers talk to, with their notification switches and opt-out."
        actions={
          <Button
            component={Link}
            to="/members/import"
            variant="default"
            leftSection={<IconUpload size={16} aria-hidden />}
          >
            Import CSV
          </Button>
        }
      />
      <Group mb="md">
        <TextInput
          label="Search"
          placeholder="Name, phone or email"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 360 }}
        />
      </Group>
      <Paper p={0}>{body}</Paper>
    </>
  );
}
