import { useState } from 'react';
import { Anchor, Badge, Group, Paper, Switch, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { PhoneNumber } from '../api/types';
import { PageHeader } from '../shared/PageHeader';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { usePhoneNumbers, useWorkflowOptions } from './phone-number-api';

function Channels({ number }: { number: PhoneNumber }) {
  const on = [number.smsEnabled && 'SMS', number.whatsappEnabled && 'WhatsApp'].filter(Boolean) as string[];
  if (!on.length) return <Text c="dimmed">None</Text>;
  return (
    <Group gap={6}>
      {on.map((c) => (
        <Badge key={c} variant="light" color={c === 'WhatsApp' ? 'green' : 'blue'} radius="sm" tt="none">
          {c}
        </Badge>
      ))}
    </Group>
  );
}

export function PhoneNumbersPage() {
  const [showArchived, setShowArchived] = useState(false);
  const numbers = usePhoneNumbers(showArchived);
  const workflows = useWorkflowOptions();
  const navigate = useNavigate();
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
        <QueryState query={numbers} loadingLabel="Loading phone numbers…">
          {(page) =>
            page.items.length === 0 ? (
              <EmptyNotice title="No phone numbers yet">
                Your organisation's administrator assigns Twilio numbers to this workspace from the Admin
                page.
              </EmptyNotice>
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Number</Table.Th>
                      <Table.Th>Channels on</Table.Th>
                      <Table.Th visibleFrom="sm">Default workflow</Table.Th>
                      <Table.Th visibleFrom="sm">Brand name</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((n) => (
                      <Table.Tr
                        key={n.id}
                        className="row-link"
                        onClick={() => void navigate(`/phone-numbers/${n.id}`)}
                      >
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Anchor
                              component={Link}
                              to={`/phone-numbers/${n.id}`}
                              className="tabular"
                              fw={600}
                              onClick={(e) => e.stopPropagation()}
                            >
                              {n.number}
                            </Anchor>
                            {n.archived ? (
                              <Badge color="gray" variant="outline" radius="sm" tt="none">
                                Archived
                              </Badge>
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
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Paper>
    </>
  );
}
