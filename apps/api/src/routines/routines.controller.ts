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
import { createBodyWithAction, patchBodyWithAction } from '../event-rules/send-action';
import { ApiController } from '../http/api-controller.decorator';
import { ContractRoutes } from '../http/contract-routes';
import { pageOf, schemaRef } from '../http/openapi';
import { queryCursor, queryInt } from '../http/validation';

const CreateBody = createBodyWithAction(CreateRoutine.request);
const PatchBody = patchBodyWithAction(UpdateRoutine.request.shape.patch, { paused: true });
const ListQuery = z.object({ limit: queryInt(1, 200), cursor: queryCursor }).strict();
const ResultsQuery = z
  .object({
    status: RoutineRunResult.shape.status.optional(),
    limit: queryInt(1, 1000),
    cursor: queryCursor,
  })
  .strict();

@ApiController('routines', 'workspace', 'Routines')
export class RoutinesController extends ContractRoutes(
  { ids: { id: 'routineId' }, resource: schemaRef('Routine', Routine) },
  {
    create: {
      route: 'POST',
      summary: 'Create a broadcast: a CEL member filter and an action, on a cron schedule or on demand',
      status: 201,
      errors: [404, 422],
      contract: CreateRoutine,
      body: CreateBody,
    },
    list: {
      route: 'GET',
      summary: "The workspace's routines, oldest first, each with its latest run's progress, paged",
      response: pageOf('Routine', Routine),
      contract: ListRoutines,
      query: ListQuery,
    },
    get: {
      route: 'GET :id',
      summary: 'A routine with the progress of its latest run',
      errors: [404],
      contract: GetRoutine,
    },
    update: {
      route: 'PATCH :id',
      summary:
        'Change a routine (name, memberFilter, action, schedule, paused), checked as when created; a paused routine does nothing',
      errors: [404, 422],
      contract: UpdateRoutine,
      body: PatchBody,
      bodyAs: 'patch',
    },
    delete: {
      route: 'DELETE :id',
      summary: 'Delete a routine with its runs and results (a running run is cancelled first)',
      status: 204,
      errors: [404],
      contract: DeleteRoutine,
    },
    run: {
      route: 'POST :id/run',
      summary: 'Start a run now (progress follows on GET); a paused routine is refused',
      status: 202,
      errors: [404, 409],
      contract: RunRoutine,
    },
    cancel: {
      route: 'POST :id/cancel',
      summary: 'Cancel the running run: it stops taking members at once and its progress says how far it got',
      errors: [404, 409],
      contract: CancelRoutineRun,
    },
    results: {
      route: 'GET :id/runs/:runId/results',
      summary:
        "Per-member results of a run (pending; accepted by outbound; sent once handed to Twilio; skipped or failed with the reason; undelivered with Twilio's errorCode and reason), by member, paged",
      response: pageOf('RoutineRunResult', RoutineRunResult),
      errors: [404],
      contract: ListRoutineRunResults,
      query: ResultsQuery,
    },
  },
) {}
