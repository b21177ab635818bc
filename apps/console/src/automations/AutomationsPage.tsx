import { Group, Paper, Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { EventRule, Routine } from '../api/types';
import { channelLabel } from '../shared/ChannelBadge';
import { CreateDialog, useCreateDialog } from '../shared/CreateDialog';
import { DataTable, LinkRow, RowLink } from '../shared/DataTable';
import { NewButton } from '../shared/NewButton';
import { TabbedPage } from '../shared/PageTabs';
import { ListState } from '../shared/cursor-list';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { OnOffBadge, Tag } from '../shared/Tag';
import { useCreateRoutine, useCreateRule, useEventRules, useRoutines } from './automation-api';
import { RoutineForm } from './RoutineForm';
import { RuleForm } from './RuleForm';

const actionText = (action: EventRule['action']) =>
  `Send ${channelLabel(action.type === 'send_sms' ? 'sms' : 'whatsapp')}${
    action.type === 'send_whatsapp' && action.workflowId ? ' and start a workflow' : ''
  }`;

const NO_RULES = (
  <EmptyNotice title="No event rules yet">
    A rule sends a message when an event happens: a form submitted, a task entered…
  </EmptyNotice>
);

function RulesTab() {
  const rules = useEventRules();
  const navigate = useNavigate();
  const dialog = useCreateDialog(useCreateRule(), (rule) => void navigate(`/automations/rules/${rule.id}`));
  return (
    <>
      <Group justify="flex-end" mb="sm">
        <NewButton onClick={dialog.open}>New rule</NewButton>
      </Group>
      <Paper p={0}>
        <QueryState query={rules} loadingLabel="Loading rules…" empty={NO_RULES}>
          {(page) => (
            <DataTable
              label="Event rules"
              columns={['Event', { title: 'Condition', visibleFrom: 'sm' }, 'Action', 'State']}
            >
              {page.items.map((r) => (
                <LinkRow key={r.id} to={`/automations/rules/${r.id}`}>
                  <Table.Td>
                    <RowLink to={`/automations/rules/${r.id}`}>{r.event}</RowLink>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm" ff="monospace" lineClamp={1}>
                      {r.condition ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{actionText(r.action)}</Table.Td>
                  <Table.Td>
                    <OnOffBadge on={r.enabled} />
                  </Table.Td>
                </LinkRow>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Paper>
      <CreateDialog dialog={dialog} title="New event rule">
        <RuleForm submitLabel="Create rule" onSave={dialog.save} />
      </CreateDialog>
    </>
  );
}

const PROGRESS: Record<Routine['progress']['state'], [string, string]> = {
  idle: ['Not run yet', 'gray'],
  running: ['Running', 'blue'],
  done: ['Done', 'teal'],
  cancelled: ['Cancelled', 'orange'],
};

const NO_ROUTINES = (
  <EmptyNotice title="No routines yet">
    A routine sends to every member a filter selects (a broadcast), on a schedule or when you run it.
  </EmptyNotice>
);

function RoutinesTab() {
  const routines = useRoutines();
  const navigate = useNavigate();
  const dialog = useCreateDialog(useCreateRoutine(), (routine) => {
    void navigate(`/automations/routines/${routine.id}`);
  });
  return (
    <>
      <Group justify="flex-end" mb="sm">
        <NewButton onClick={dialog.open}>New routine</NewButton>
      </Group>
      <Paper p={0}>
        <ListState list={routines} loadingLabel="Loading routines…" empty={NO_ROUTINES}>
          <DataTable
            label="Routines"
            columns={['Name', { title: 'Schedule', visibleFrom: 'sm' }, 'Last run']}
          >
            {routines.items.map((r) => {
              const [label, color] = PROGRESS[r.progress.state];
              return (
                <LinkRow key={r.id} to={`/automations/routines/${r.id}`}>
                  <Table.Td>
                    <RowLink to={`/automations/routines/${r.id}`}>{r.name}</RowLink>
                  </Table.Td>
                  <Table.Td visibleFrom="sm" ff="monospace">
                    {r.schedule ?? 'On demand'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <Tag color={color}>{label}</Tag>
                      {r.paused ? (
                        <Tag color="orange" variant="outline">
                          Paused
                        </Tag>
                      ) : null}
                    </Group>
                  </Table.Td>
                </LinkRow>
              );
            })}
          </DataTable>
        </ListState>
      </Paper>
      <CreateDialog dialog={dialog} title="New routine">
        <RoutineForm submitLabel="Create routine" onSave={dialog.save} />
      </CreateDialog>
    </>
  );
}

export function AutomationsPage() {
  return (
    <TabbedPage
      title="Automations"
      description="Event rules send when something happens; routines send to many members at once. Each run is logged with its reason."
      tabs={[
        { value: 'rules', label: 'Event rules', panel: <RulesTab /> },
        { value: 'routines', label: 'Routines', panel: <RoutinesTab /> },
      ]}
    />
  );
}
