import { z } from 'zod';
import {
  CancelRoutineRun,
  CreateRoutine,
  DeleteRoutine,
  GetRoutine,
  ListRoutineRunResults,
  ListRoutines,
  Routine,
  RoutineRunResult,
  RunRoutine,
  UpdateRoutine,
} from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { StrictSendAction } from '../event-rules/send-action';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { pageOf, schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { IdParam, queryCursor, queryInt, ZodBody, ZodQuery } from '../http/validation';

const CreateBody = CreateRoutine.request
  .omit({ workspaceId: true })
  .extend({ action: StrictSendAction })
  .strict();
const PatchBody = UpdateRoutine.request.shape.patch
  .extend({ action: StrictSendAction })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to change')
  .meta({ example: { paused: true } });
const ListQuery = z.object({ limit: queryInt(1, 200), cursor: queryCursor }).strict();
const ResultsQuery = z
  .object({
    status: RoutineRunResult.shape.status.optional(),
    limit: queryInt(1, 1000),
    cursor: queryCursor,
  })
  .strict();
const routineRef = () => schemaRef('Routine', Routine);

@ApiController('routines', 'workspace', 'Routines')
export class RoutinesController {
  constructor(private readonly services: ServiceClient) {}

  @Endpoint('POST', '', {
    summary: 'Create a broadcast: a CEL member filter and an action, on a cron schedule or on demand',
    status: 201,
    response: routineRef(),
    errors: [404, 422],
  })
  create(@Workspace() ws: WorkspaceCaller, @ZodBody(CreateBody) body: z.infer<typeof CreateBody>) {
    return this.services.askAs(ws, CreateRoutine, body);
  }

  @Endpoint('GET', '', {
    summary: "The workspace's routines, oldest first, each with its latest run's progress, paged",
    response: pageOf('Routine', Routine),
  })
  list(@Workspace() ws: WorkspaceCaller, @ZodQuery(ListQuery) query: z.infer<typeof ListQuery>) {
    return this.services.askAs(ws, ListRoutines, query);
  }

  @Endpoint('GET', ':id', {
    summary: 'A routine with the progress of its latest run',
    response: routineRef(),
    errors: [404],
  })
  get(@Workspace() ws: WorkspaceCaller, @IdParam() routineId: string) {
    return this.services.askAs(ws, GetRoutine, { routineId });
  }

  @Endpoint('PATCH', ':id', {
    summary:
      'Change a routine (name, memberFilter, action, schedule, paused), checked as when created; a paused routine does nothing',
    response: routineRef(),
    errors: [404, 422],
  })
  update(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() routineId: string,
    @ZodBody(PatchBody) patch: z.infer<typeof PatchBody>,
  ) {
    return this.services.askAs(ws, UpdateRoutine, { routineId, patch });
  }

  @Endpoint('DELETE', ':id', {
    summary: 'Delete a routine with its runs and results (a running run is cancelled first)',
    status: 204,
    errors: [404],
  })
  async delete(@Workspace() ws: WorkspaceCaller, @IdParam() routineId: string) {
    await this.services.askAs(ws, DeleteRoutine, { routineId });
  }

  @Endpoint('POST', ':id/run', {
    summary: 'Start a run now (progress follows on GET); a paused routine is refused',
    status: 202,
    response: routineRef(),
    errors: [404, 409],
  })
  run(@Workspace() ws: WorkspaceCaller, @IdParam() routineId: string) {
    return this.services.askAs(ws, RunRoutine, { routineId });
  }

  @Endpoint('POST', ':id/cancel', {
    summary: 'Cancel the running run: it stops taking members at once and its progress says how far it got',
    response: routineRef(),
    errors: [404, 409],
  })
  cancel(@Workspace() ws: WorkspaceCaller, @IdParam() routineId: string) {
    return this.services.askAs(ws, CancelRoutineRun, { routineId });
  }

  @Endpoint('GET', ':id/runs/:runId/results', {
    summary:
      "Per-member results of a run (pending; accepted by outbound; sent once handed to Twilio; skipped or failed with the reason; undelivered with Twilio's errorCode and reason), by member, paged",
    response: pageOf('RoutineRunResult', RoutineRunResult),
    errors: [404],
  })
  results(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() routineId: string,
    @IdParam('runId') runId: string,
    @ZodQuery(ResultsQuery) query: z.infer<typeof ResultsQuery>,
  ) {
    return this.services.askAs(ws, ListRoutineRunResults, {
      routineId,
      runId,
      ...query,
    });
  }
}
