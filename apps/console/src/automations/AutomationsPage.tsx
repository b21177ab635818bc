import { Anchor, Badge, Button, Group, Modal, Paper, Table, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { EventRule, Routine } from '../api/types';
import { channelLabel } from '../shared/ChannelBadge';
import { PageHeader } from '../shared/PageHeader';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { useCreateRoutine, useCreateRule, useEventRules, useRoutines } from './automation-api';
import { RoutineForm } from './RoutineForm';
import { RuleForm } from './RuleForm';

const actionText = (action: EventRule['action']) =>
  `Send ${channelLabel(action.type === 'send_sms' ? 'sms' : 'whatsapp')}${
    action.type === 'send_whatsapp' && action.workflowId ? ' and start a workflow' : ''
  }`;

function RulesTab() {
  const rules = useEventRules();
  const create = useCreateRule();
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
          New rule
        </Button>
      </Group>
      <Paper p={0}>
        <QueryState query={rules} loadingLabel="Loading rules…">
          {(page) =>
            page.items.length === 0 ? (
              <EmptyNotice title="No event rules yet">
                A rule sends a message when an event happens: a form submitted, a task entered…
              </EmptyNotice>
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Event</Table.Th>
                      <Table.Th visibleFrom="sm">Condition</Table.Th>
                      <Table.Th>Action</Table.Th>
                      <Table.Th>State</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((r) => (
                      <Table.Tr
                        key={r.id}
                        className="row-link"
                        onClick={() => void navigate(`/automations/rules/${r.id}`)}
                      >
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/automations/rules/${r.id}`}
                            fw={600}
                            onClick={(e) => e.stopPropagation()}
                          >
                            {r.event}
                          </Anchor>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">
                          <Text size="sm" ff="monospace" lineClamp={1}>
                            {r.condition ?? '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>{actionText(r.action)}</Table.Td>
                        <Table.Td>
                          <Badge color={r.enabled ? 'teal' : 'gray'} variant="light" radius="sm" tt="none">
                            {r.enabled ? 'On' : 'Off'}
                          </Badge>
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
      <Modal opened={opened} onClose={close} title="New event rule" size="lg">
        <RuleForm
          submitLabel="Create rule"
          onSave={async (input) => {
            const rule = await create.mutateAsync(input);
            close();
            void navigate(`/automations/rules/${rule.id}`);
          }}
        />
      </Modal>
    </>
  );
}

const PROGRESS: Record<Routine['progress']['state'], [string, string]> = {
  idle: ['Not run yet', 'gray'],
  running: ['Running', 'blue'],
  done: ['Done', 'teal'],
  cancelled: ['Cancelled', 'orange'],
};

function RoutinesTab() {
  const routines = useRoutines();
  const create = useCreateRoutine();
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
          New routine
        </Button>
      </Group>
      <Paper p={0}>
        <QueryState query={routines} loadingLabel="Loading routines…">
          {(page) =>
            page.items.length === 0 ? (
              <EmptyNotice title="No routines yet">
                A routine sends to every member a filter selects (a broadcast), on a schedule or when you run
                it.
              </EmptyNotice>
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th visibleFrom="sm">Schedule</Table.Th>
                      <Table.Th>Last run</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((r) => {
                      const [label, color] = PROGRESS[r.progress.state];
                      return (
                        <Table.Tr
                          key={r.id}
                          className="row-link"
                          onClick={() => void navigate(`/automations/routines/${r.id}`)}
                        >
                          <Table.Td>
                            <Anchor
                              component={Link}
                              to={`/automations/routines/${r.id}`}
                              fw={600}
                              onClick={(e) => e.stopPropagation()}
                            >
                              {r.name}
                            </Anchor>
                          </Table.Td>
                          <Table.Td visibleFrom="sm" ff="monospace">
                            {r.schedule ?? 'On demand'}
                          </Table.Td>
                          <Table.Td>
                            <Badge color={color} variant="light" radius="sm" tt="none">
                              {label}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Paper>
      <Modal opened={opened} onClose={close} title="New routine" size="lg">
        <RoutineForm
          submitLabel="Create routine"
          onSave={async (input) => {
            const routine = await create.mutateAsync(input);
            close();
            void navigate(`/automations/routines/${routine.id}`);
          }}
        />
      </Modal>
    </>
  );
}

export function AutomationsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'routines' ? 'routines' : 'rules';
  return (
    <>
      <PageHeader
        title="Automations"
        description="Event rules send when something happens; routines send to many members at once. Each run is logged with its reason."
      />
      <Tabs
        value={tab}
        onChange={(t) => setParams(t === 'routines' ? { tab: 'routines' } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="rules">Event rules</Tabs.Tab>
          <Tabs.Tab value="routines">Routines</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules">
          <RulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="routines">
          <RoutinesTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
