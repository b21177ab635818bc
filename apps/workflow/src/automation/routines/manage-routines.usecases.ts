import { Injectable } from '@nestjs/common';
import {
  AppError,
  ListMembers,
  type CancelRoutineRun,
  type DeleteRoutine,
  type GetRoutine,
  type ListRoutineRunResults,
  type ListRoutines,
  type RequestPayload,
  type UpdateRoutine,
} from '@app/contracts';
import { MessagingClient, type Answer } from '@app/messaging';
import { found, pageOf } from '@app/persistence';
import { compileCel } from '../actions/cel';
import { SendActionRunner } from '../actions/send-action.runner';
import { validateAction } from '../actions/validate-action';
import { RoutineRunsRepository } from './routine-runs.repository';
import { RoutineRunner } from './routine-runner';
import { routineView } from './routine-view';
import { RoutinesRepository, type RoutinePatch } from './routines.repository';
import { checkSchedule } from './schedule';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const cursorOf = (cursor: string | null): string | null => {
  if (cursor !== null && !UUID.test(cursor))
    throw new AppError('invalid_input', 'cursor: not a cursor from an earlier page.');
  return cursor;
};

/** A workspace's routines, oldest first, each with its latest run's progress. */
@Injectable()
export class ListRoutinesUseCase {
  constructor(
    private readonly routines: RoutinesRepository,
    private readonly runs: RoutineRunsRepository,
  ) {}

  async execute(request: RequestPayload<typeof ListRoutines>): Answer<typeof ListRoutines> {
    const rows = await this.routines.page(request.workspaceId, cursorOf(request.cursor), request.limit + 1);
    const page = pageOf(rows, request.limit, (last) => last.id);
    const items = await Promise.all(
      page.rows.map(async (r) => routineView(r, await this.runs.latest(request.workspaceId, r.id))),
    );
    return { items, nextCursor: page.nextCursor };
  }
}

/** One routine with its latest run's progress. */
@Injectable()
export class GetRoutineUseCase {
  constructor(
    private readonly routines: RoutinesRepository,
    private readonly runs: RoutineRunsRepository,
  ) {}

  async execute(request: RequestPayload<typeof GetRoutine>): Answer<typeof GetRoutine> {
    const routine = found(await this.routines.get(request.workspaceId, request.routineId), 'Routine');
    return routineView(routine, await this.runs.latest(request.workspaceId, routine.id));
  }
}

/**
 * Changes a routine, checked as when it was created. `paused: true` makes it do nothing (no
 * scheduled run, no run now); a new schedule, or a resumed routine, owes only ticks from now on.
 */
@Injectable()
export class UpdateRoutineUseCase {
  constructor(
    private readonly routines: RoutinesRepository,
    private readonly runs: RoutineRunsRepository,
    private readonly actions: SendActionRunner,
    private readonly messaging: MessagingClient,
  ) {}

  async execute(request: RequestPayload<typeof UpdateRoutine>): Answer<typeof UpdateRoutine> {
    const { workspaceId, routineId, patch } = request;
    const current = found(await this.routines.get(workspaceId, routineId), 'Routine');
    const changes: RoutinePatch = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.memberFilter !== undefined) {
      const memberFilter = patch.memberFilter.trim();
      compileCel(memberFilter, 'memberFilter');
      // Preferences type-checks the filter against the member fields.
      await this.messaging.request(ListMembers, { workspaceId, filter: memberFilter, limit: 1 });
      changes.memberFilter = memberFilter;
    }
    if (patch.action !== undefined) {
      validateAction(patch.action);
      await this.actions.assertSenderExists(workspaceId, patch.action.phoneNumberId);
      changes.action = patch.action;
    }
    if (patch.schedule !== undefined) {
      const schedule = patch.schedule?.trim() ? patch.schedule.trim() : null;
      if (schedule) checkSchedule(schedule);
      changes.schedule = schedule;
      if (schedule !== current.schedule) changes.scheduledFrom = new Date();
    }
    if (patch.oncePer !== undefined) {
      const oncePer = patch.oncePer?.trim() ? patch.oncePer.trim() : null;
      if (oncePer) compileCel(oncePer, 'oncePer');
      changes.oncePer = oncePer;
    }
    if (patch.paused !== undefined) {
      changes.paused = patch.paused;
      if (current.paused && !patch.paused) changes.scheduledFrom = new Date();
    }
    const updated = found(await this.routines.update(workspaceId, routineId, changes), 'Routine');
    return routineView(updated, await this.runs.latest(workspaceId, routineId));
  }
}

/** Cancels the running run: no more members are acted on; the run says how far it got. */
@Injectable()
export class CancelRoutineRunUseCase {
  constructor(
    private readonly routines: RoutinesRepository,
    private readonly runs: RoutineRunsRepository,
    private readonly runner: RoutineRunner,
  ) {}

  async execute(request: RequestPayload<typeof CancelRoutineRun>): Answer<typeof CancelRoutineRun> {
    const routine = found(await this.routines.get(request.workspaceId, request.routineId), 'Routine');
    const cancelled = await this.runs.cancel(request.workspaceId, routine.id);
    if (!cancelled) throw new AppError('conflict', 'The routine has no running run to cancel.');
    this.runner.halt(cancelled.id);
    return routineView(routine, await this.runs.latest(request.workspaceId, routine.id));
  }
}

/** Deletes a routine with its runs and results; a running run is cancelled first. */
@Injectable()
export class DeleteRoutineUseCase {
  constructor(
    private readonly routines: RoutinesRepository,
    private readonly runs: RoutineRunsRepository,
    private readonly runner: RoutineRunner,
  ) {}

  async execute(request: RequestPayload<typeof DeleteRoutine>): Promise<{ deleted: true }> {
    const cancelled = await this.runs.cancel(request.workspaceId, request.routineId);
    if (cancelled) this.runner.halt(cancelled.id);
    if (!(await this.routines.delete(request.workspaceId, request.routineId)))
      throw AppError.notFound('Routine');
    return { deleted: true };
  }
}

/** Per-member results of one run, by member id, paged; optionally of one status. */
@Injectable()
export class ListRoutineRunResultsUseCase {
  constructor(private readonly runs: RoutineRunsRepository) {}

  async execute(request: RequestPayload<typeof ListRoutineRunResults>): Answer<typeof ListRoutineRunResults> {
    const { workspaceId, routineId, runId, limit } = request;
    if (!(await this.runs.getInWorkspace(workspaceId, routineId, runId)))
      throw AppError.notFound('Routine run');
    const rows = await this.runs.results(
      workspaceId,
      runId,
      request.status ?? null,
      cursorOf(request.cursor),
      limit + 1,
    );
    const page = pageOf(rows, limit, (last) => last.memberId);
    return { items: page.rows, nextCursor: page.nextCursor };
  }
}
