import { useEffect } from 'react';
import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { Routine } from '../api/types';
import { ListState } from '../shared/cursor-list';
import { FilterHeading, useFilter } from '../shared/FilterHeading';
import { formatDateTime } from '../shared/format';
import { RecordPage } from '../shared/RecordPage';
import { ProblemAlert } from '../shared/ProblemAlert';
import { DeleteButton, EditButton, EditorPanel, useEditor } from '../shared/record-actions';
import { Tag } from '../shared/Tag';
import { useAction } from '../shared/use-action';
import {
  useCancelRoutine,
  useChangeRoutine,
  useDeleteRoutine,
  useRoutine,
  useRoutineResults,
  useRunRoutine,
  type ResultStatus,
} from './automation-api';
import { RoutineForm } from './RoutineForm';
import { RunLog } from './RunLog';

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

/** The latest run as it goes: how many matched, sent, skipped, failed, undelivered. */
function LiveProgress({ progress }: { progress: Routine['progress'] }) {
  const handled =
    progress.accepted + progress.sent + progress.skipped + progress.failed + progress.undelivered;
  const percent = progress.matched
    ? Math.round((handled / progress.matched) * 100)
    : progress.state === 'done'
      ? 100
      : 0;
  if (progress.state === 'idle')
    return <Text c="dimmed">Not run yet. Press Run now, or wait for its schedule.</Text>;
  const summary =
    progress.state === 'running'
      ? `Running: ${handled} of ${progress.matched} members handled (${percent}%)`
      : progress.state === 'cancelled'
        ? `Cancelled ${formatDateTime(progress.finishedAt)}: ${handled} of ${progress.matched} members handled`
        : `Done ${formatDateTime(progress.finishedAt)}: ${handled} of ${progress.matched} members handled`;
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
        {summary}
      </Text>
      {progress.error ? (
        <Alert color="red" variant="light" title="The run stopped">
          {progress.error}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="matched" value={progress.matched} />
        <Stat label="sent" value={progress.sent} color="teal.8" />
        <Stat label="skipped" value={progress.skipped} color="orange.8" />
        <Stat label="failed" value={progress.failed} color="red.8" />
        {progress.accepted > 0 && <Stat label="accepted, not yet at Twilio" value={progress.accepted} />}
        {progress.undelivered > 0 && <Stat label="undelivered" value={progress.undelivered} color="red.8" />}
      </SimpleGrid>
    </Stack>
  );
}

const STATUS_FILTER: Array<{ value: ResultStatus | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'sent', label: 'Sent' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'undelivered', label: 'Undelivered' },
  { value: 'skipped', label: 'Skipped' },
  { value: 'failed', label: 'Failed' },
  { value: 'pending', label: 'Pending' },
];

/** The latest run's result for each member, filtered by status, a page at a time. */
function RunResults({ routine }: { routine: Routine }) {
  const filter = useFilter(STATUS_FILTER);
  const results = useRoutineResults(
    routine.id,
    routine.progress.runId,
    filter.selected,
    routine.progress.state === 'running' || routine.progress.accepted > 0,
  );
  // The run moved on (a member handled, a send reached Twilio or failed, or the run ended): the
  // results follow at once, also after the last poll of a run that has just finished.
  const { state, accepted, sent, skipped, failed, undelivered } = routine.progress;
  const { refetch } = results;
  useEffect(() => {
    void refetch();
  }, [state, accepted, sent, skipped, failed, undelivered, refetch]);
  return (
    <Stack gap="sm">
      <FilterHeading title="Results per member" label="Status" filter={filter} />
      <ListState list={results} loadingLabel="Loading results…">
        <RunLog
          label="Results per member"
          runs={results.items}
          emptyTitle={filter.value === 'all' ? 'No results yet' : `No ${filter.name} members`}
          emptyText={
            filter.value === 'all'
              ? 'Results appear as members are handled.'
              : 'Choose another status, or All, to see the others.'
          }
        />
      </ListState>
    </Stack>
  );
}

export function RoutinePage() {
  const { id = '' } = useParams();
  const routine = useRoutine(id);
  const run = useRunRoutine(id);
  const change = useChangeRoutine(id);
  const cancel = useCancelRoutine(id);
  const remove = useDeleteRoutine(id);
  const editor = useEditor();
  const progress = routine.data?.progress;
  const paused = routine.data?.paused ?? false;
  const { problem, act } = useAction();

  return (
    <RecordPage
      back={{ to: '/automations?tab=routines', label: 'Routines' }}
      title={routine.data?.name ?? 'Routine'}
      description={routine.data ? `Members: ${routine.data.memberFilter}` : undefined}
      actions={
        routine.data ? (
          <>
            <Button
              onClick={() => void act(() => run.mutateAsync())}
              loading={run.isPending}
              disabled={progress?.state === 'running' || paused}
            >
              Run now
            </Button>
            {progress?.state === 'running' ? (
              <Button
                variant="default"
                loading={cancel.isPending}
                onClick={() => void act(() => cancel.mutateAsync())}
              >
                Cancel run
              </Button>
            ) : null}
            <Button
              variant="default"
              loading={change.isPending}
              onClick={() => void act(() => change.mutateAsync({ paused: !paused }))}
            >
              {paused ? 'Resume' : 'Pause'}
            </Button>
            <EditButton editor={editor} />
            <DeleteButton noun="routine" remove={remove} act={act}>
              Its runs and their results go with it; a running run is cancelled first.
            </DeleteButton>
          </>
        ) : null
      }
      notice={<ProblemAlert error={problem} mb="md" />}
      query={routine}
      loadingLabel="Loading the routine…"
    >
      {(r) => (
        <Stack gap="lg">
          {r.paused ? (
            <Alert color="orange" variant="light" title="Paused" role="status">
              This routine runs neither on its schedule nor with Run now until you resume it.
            </Alert>
          ) : null}
          <EditorPanel editor={editor}>
            <RoutineForm
              routine={r}
              onSave={editor.closeAfter((input) => change.mutateAsync({ schedule: null, ...input }))}
            />
          </EditorPanel>
          <Paper>
            <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
              <Title order={2} size="h4">
                Latest run
              </Title>
              <Tag color="gray">{r.schedule ? `Schedule ${r.schedule}` : 'On demand'}</Tag>
            </Group>
            <LiveProgress progress={r.progress} />
          </Paper>
          {r.progress.runId ? (
            <Paper>
              <RunResults routine={r} />
            </Paper>
          ) : null}
        </Stack>
      )}
    </RecordPage>
  );
}
