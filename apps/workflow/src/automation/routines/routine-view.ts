import type { Routine } from '@app/contracts';
import type { z } from 'zod';
import type { RoutineRun } from './routine-runs.repository';
import type { RoutineRecord } from './routines.repository';

/** A routine as the API shows it: its settings and the progress of its latest (or current) run. */
export function routineView(routine: RoutineRecord, run: RoutineRun | null): z.infer<typeof Routine> {
  return {
    id: routine.id,
    workspaceId: routine.workspaceId,
    name: routine.name,
    memberFilter: routine.memberFilter,
    action: routine.action,
    schedule: routine.schedule,
    paused: routine.paused,
    oncePer: routine.oncePer,
    progress: {
      state: run ? run.state : 'idle',
      runId: run?.id ?? null,
      matched: run?.matched ?? 0,
      accepted: run?.accepted ?? 0,
      sent: run?.sent ?? 0,
      skipped: run?.skipped ?? 0,
      failed: run?.failed ?? 0,
      undelivered: run?.undelivered ?? 0,
      startedAt: run?.startedAt.toISOString() ?? null,
      finishedAt: run?.finishedAt?.toISOString() ?? null,
      error: run ? runError(run) : null,
    },
    createdAt: routine.createdAt.toISOString(),
  };
}

/** Why a run ended early, in words: a cancelled run says how far it got. */
function runError(run: RoutineRun): string | null {
  if (run.state !== 'cancelled') return run.error;
  const acted = run.accepted + run.sent + run.skipped + run.failed + run.undelivered;
  return `Cancelled after acting on ${acted} of ${run.matched} matched members${run.listingDone ? '' : ' (members were still being matched)'}; the rest were left out.`;
}
