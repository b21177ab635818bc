import { Paper, Table, Text } from '@mantine/core';
import { DataTable, LinkRow, RowLink } from '../shared/DataTable';
import { NewButton } from '../shared/NewButton';
import { formatDateTime } from '../shared/format';
import { PageHeader } from '../shared/PageHeader';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { useWorkflowList } from './workflow-api';

const NO_WORKFLOWS = (
  <EmptyNotice title="No workflows yet">
    Create one, then choose it as a phone number's default workflow.
  </EmptyNotice>
);

export function WorkflowsPage() {
  const list = useWorkflowList();
  return (
    <>
      <PageHeader
        title="Workflows"
        description="What answers a conversation: reply templates, conditions on the channel or the member, AI agents."
        actions={<NewButton to="/workflows/new">New workflow</NewButton>}
      />
      <Paper p={0}>
        <QueryState query={list} loadingLabel="Loading workflows…" empty={NO_WORKFLOWS}>
          {(page) => (
            <DataTable
              columns={[
                'Name',
                'Version',
                { title: 'Saved', visibleFrom: 'sm' },
                { title: 'Steps', visibleFrom: 'sm' },
              ]}
            >
              {page.items.map((w) => (
                <LinkRow key={w.id} to={`/workflows/${w.id}`}>
                  <Table.Td>
                    <RowLink to={`/workflows/${w.id}`}>{w.name}</RowLink>
                  </Table.Td>
                  <Table.Td className="tabular">v{w.version}</Table.Td>
                  <Table.Td visibleFrom="sm" className="tabular">
                    {formatDateTime(w.updatedAt)}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm">{w.definition.length}</Text>
                  </Table.Td>
                </LinkRow>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
