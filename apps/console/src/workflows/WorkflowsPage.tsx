import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../shared/format';
import { PageHeader } from '../shared/PageHeader';
import { EmptyNotice, QueryState } from '../shared/QueryState';
import { useWorkflowList } from './workflow-api';

export function WorkflowsPage() {
  const list = useWorkflowList();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Workflows"
        description="What answers a conversation: reply templates, conditions on the channel or the member, AI agents."
        actions={
          <Button component={Link} to="/workflows/new" leftSection={<IconPlus size={16} aria-hidden />}>
            New workflow
          </Button>
        }
      />
      <Paper p={0}>
        <QueryState query={list} loadingLabel="Loading workflows…">
          {(page) =>
            page.items.length === 0 ? (
              <EmptyNotice title="No workflows yet">
                Create one, then choose it as a phone number's default workflow.
              </EmptyNotice>
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Version</Table.Th>
                      <Table.Th visibleFrom="sm">Saved</Table.Th>
                      <Table.Th visibleFrom="sm">Steps</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((w) => (
                      <Table.Tr
                        key={w.id}
                        className="row-link"
                        onClick={() => void navigate(`/workflows/${w.id}`)}
                      >
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/workflows/${w.id}`}
                            fw={600}
                            onClick={(e) => e.stopPropagation()}
                          >
                            {w.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td className="tabular">v{w.version}</Table.Td>
                        <Table.Td visibleFrom="sm" className="tabular">
                          {formatDateTime(w.updatedAt)}
                        </Table.Td>
                        <Table.Td visibleFrom="sm">
                          <Text size="sm">{w.definition.length}</Text>
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
    </>
  );
}
