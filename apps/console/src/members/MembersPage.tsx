import { useState } from 'react';
import { Button, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Member } from '../api/types';
import { memberName } from '../shared/format';
import { ListState } from '../shared/cursor-list';
import { DataTable, LinkRow, RowLink } from '../shared/DataTable';
import { PageHeader } from '../shared/PageHeader';
import { EmptyNotice } from '../shared/QueryState';
import { Tag } from '../shared/Tag';
import { useMemberList } from './member-api';

const SWITCHES = [
  ['notifySms', 'SMS'],
  ['notifyEmail', 'Email'],
  ['notifyVoice', 'Voice'],
  ['notifyWhatsapp', 'WhatsApp'],
] as const;

function Reachable({ member }: { member: Member }) {
  if (member.optedOut) return <Tag color="red">Opted out</Tag>;
  const on = SWITCHES.filter(([field]) => member[field]).map(([, label]) => label);
  return on.length ? <Text size="sm">{on.join(', ')}</Text> : <Text c="dimmed">None</Text>;
}

export function MembersPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const list = useMemberList(debounced);

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
      <Paper p={0}>
        <ListState
          list={list}
          loadingLabel="Loading members…"
          empty={
            debounced ? (
              <EmptyNotice title="No member matches">
                Nobody's name, phone or email contains “{debounced}”.
              </EmptyNotice>
            ) : (
              <EmptyNotice title="No members yet">
                Members appear when someone messages one of your numbers, or import them from a CSV file.
              </EmptyNotice>
            )
          }
        >
          <DataTable
            columns={[
              'Name',
              { title: 'Phone', visibleFrom: 'sm' },
              { title: 'Email', visibleFrom: 'md' },
              'Notifications on',
            ]}
          >
            {list.items.map((m) => (
              <LinkRow key={m.id} to={`/members/${m.id}`}>
                <Table.Td>
                  <RowLink to={`/members/${m.id}`}>{memberName(m)}</RowLink>
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
              </LinkRow>
            ))}
          </DataTable>
        </ListState>
      </Paper>
    </>
  );
}
