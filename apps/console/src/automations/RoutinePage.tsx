import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import type { Routine } from '../api/types';
import { formatDateTime } from '../shared/format';
import { PageHeader } from '../shared/PageHeader';
import { ErrorNotice, QueryState } from '../shared/QueryState';
import { useRoutine, useRoutineCommand, useRoutineResults, useRunRoutine } from './automation-api';
import { RunLog } from './RunLog';
import { useAction } from '../shared/use-action';

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700} c={color} className="tabular">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** The latest run as it goes: how many matched, sent, skipped, failed. */
function LiveProgress({ progress }: { progress: Routine['progress'] }) {
  const handled = progress.sent + progress.skipped + progress.failed;
  const percent = progress.matched
    ? Math.round((handled / progress.matched) * 100)
    : progress.state === 'done'
      ? 100
      : 0;
  if (progress.state === 'idle')
    return <Text c="dimmed">Not run yet. Press Run now, or wait for its schedule.</Text>;
  return (
    <Stack gap="sm">
      <Progress
        value={percent}
        size="lg"
        aria-label="Run progress"
        animated={progress.state === 'running'}
        striped={progress.state === 'running'}
      />
      <Text size="sm" role="status" aria-live="polite">
        {progress.state === 'running'
          ? `Running: ${handled} of ${progress.matched} members handled (${percent}%)`
          : `Done ${formatDateTime(progress.finishedAt)}: ${handled} of ${progress.matched} members handled`}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="matched" value={progress.matched} />
        <Stat label="sent" value={progress.sent} color="teal.8" />
        <Stat label="skipped" value={progress.skipped} color="orange.8" />
        <Stat label="failed" value={progress.failed} color="red.8" />
      </SimpleGrid>
    </Stack>
  );
}

export function RoutinePage() {
  const { id = '' } = useParams();
  const routine = useRoutine(id);
  const run = useRunRoutine(id);
  const command = useRoutineCommand(id);
  const navigate = useNavigate();
  const progress = routine.data?.progress;
  const results = useRoutineResults(id, progress?.runId ?? null, progress?.state === 'running');
  const { problem, act } = useAction();

  return (
    <>
      <Anchor component={Link} to="/automations?tab=routines" size="sm">
        ← Routines
      </Anchor>
      <PageHeader
        title={routine.data?.name ?? 'Routine'}
        description={routine.data ? `Members: ${routine.data.memberFilter}` : undefined}
        actions={
          routine.data ? (
            <>
              <Button
                onClick={() => void act(() => run.mutateAsync())}
                loading={run.isPending}
                disabled={progress?.state === 'running'}
              >
                Run now
              </Button>
              {progress?.state === 'running' ? (
                <Button
                  variant="default"
                  onClick={() => void act(() => command.mutateAsync({ method: 'POST', path: '/cancel' }))}
                >
                  Cancel run
                </Button>
              ) : null}
              <Button
                color="red"
                variant="light"
                onClick={() =>
                  window.confirm('Delete this routine?') &&
                  void act(async () => {
                    await command.mutateAsync({ method: 'DELETE', path: '' });
                    void navigate('/automations?tab=routines');
                  })
                }
              >
                Delete
              </Button>
            </>
          ) : null
        }
      />
      {problem ? (
        <Alert color="red" role="alert" title="Not done" mb="md">
          {problem}
        </Alert>
      ) : null}
      <QueryState query={routine} loadingLabel="Loading the routine…">
        {(r) => (
          <Stack gap="lg">
            <Paper>
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  Latest run
                </Title>
                <Badge variant="light" color="gray" radius="sm" tt="none">
                  {r.schedule ? `Schedule ${r.schedule}` : 'On demand'}
                </Badge>
              </Group>
              <LiveProgress progress={r.progress} />
            </Paper>
            {r.progress.runId ? (
              <Paper>
                <Title order={2} size="h4" mb="sm">
                  Results per member
                </Title>
                {results.error ? (
                  <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
                ) : (
                  <RunLog
                    runs={results.data?.items ?? []}
                    emptyText="Results appear as members are handled."
                  />
                )}
              </Paper>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
