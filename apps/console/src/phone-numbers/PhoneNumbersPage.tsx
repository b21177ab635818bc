import { useState } from 'react';
import { Group, Paper, Switch, Table, Text } from '@mantine/core';
import type { PhoneNumber } from '../api/types';
import { DataTable, LinkRow, RowLink } from '../shared/DataTable';
import { PageHeader } from '../shared/PageHeader';
import { Tag } from '../shared/Tag';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { usePhoneNumbers, useWorkflowOptions } from './phone-number-api';

function Channels({ number }: { number: PhoneNumber }) {
  const on = [number.smsEnabled && 'SMS', number.whatsappEnabled && 'WhatsApp'].filter(Boolean) as string[];
  if (!on.length) return <Text c="dimmed">None</Text>;
  return (
    <Group gap={6}>
      {on.map((c) => (
        <Tag key={c} color={c === 'WhatsApp' ? 'green' : 'blue'}>
          {c}
        </Tag>
      ))}
    </Group>
  );
}

const NO_NUMBERS = (
  <EmptyNotice title="No phone numbers yet">
    Your organisation's administrator assigns Twilio numbers to this workspace from the Admin page.
  </EmptyNotice>
);

export function PhoneNumbersPage() {
  const [showArchived, setShowArchived] = useState(false);
  const numbers = usePhoneNumbers(showArchived);
  const workflows = useWorkflowOptions();
  const workflowName = (id: string | null) =>
    id ? (workflows.data?.find((w) => w.value === id)?.label ?? 'Unknown workflow') : null;

  return (
    <>
      <PageHeader
        title="Phone numbers"
        description="The Twilio numbers of this workspace. Open one to turn SMS or WhatsApp on, pick its workflow and hours."
        actions={
          <Switch
            label="Show archived"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
        }
      />
      <Paper p={0}>
        <QueryState query={numbers} loadingLabel="Loading phone numbers…" empty={NO_NUMBERS}>
          {(page) => (
            <DataTable
              columns={[
                'Number',
                'Channels on',
                { title: 'Default workflow', visibleFrom: 'sm' },
                { title: 'Brand name', visibleFrom: 'sm' },
              ]}
            >
              {page.items.map((n) => (
                <LinkRow key={n.id} to={`/phone-numbers/${n.id}`}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <RowLink to={`/phone-numbers/${n.id}`} className="tabular">
                        {n.number}
                      </RowLink>
                      {n.archived ? (
                        <Tag color="gray" variant="outline">
                          Archived
                        </Tag>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Channels number={n} />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    {workflowName(n.defaultWorkflowId) ?? <Text c="dimmed">None</Text>}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{n.brandName ?? <Text c="dimmed">Not set</Text>}</Table.Td>
                </LinkRow>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
