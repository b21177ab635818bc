import { Button, Paper, Table, Title } from '@mantine/core';
import type { Workflow } from '../api/types';
import { formatDateTime } from '../shared/format';
import { DataTable } from '../shared/DataTable';
import { QueryState } from '../shared/QueryState';
import { Tag } from '../shared/Tag';
import { useWorkflowVersions } from './workflow-api';

/** Every saved version, newest first; any one can be opened in the editor and saved as the latest. */
export function Versions({
  workflowId,
  current,
  onOpen,
}: {
  workflowId: string;
  current: number;
  onOpen: (definition: Workflow['definition'], version: number) => void;
}) {
  const versions = useWorkflowVersions(workflowId);
  return (
    <Paper mt="lg">
      <Title order={2} size="h4" mb="sm">
        Versions
      </Title>
      <QueryState query={versions} loadingLabel="Loading versions…">
        {(page) => (
          <DataTable label="Versions" columns={['Version', 'Saved', {}]}>
            {page.items.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td className="tabular">
                  v{v.version} {v.version === current ? <Tag size="sm">Latest</Tag> : null}
                </Table.Td>
                <Table.Td className="tabular">{formatDateTime(v.updatedAt)}</Table.Td>
                <Table.Td ta="right">
                  {v.version === current ? null : (
                    <Button size="xs" variant="default" onClick={() => onOpen(v.definition, v.version)}>
                      Open v{v.version}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </Paper>
  );
}
