import { z } from 'zod';
import {
  ActionRun,
  CreateEventRule,
  DeleteEventRule,
  EventRule,
  UpdateEventRule,
  GetEventRule,
  ListActionRuns,
  ListEventRules,
} from '@app/contracts';
import { ApiController } from '../http/api-controller.decorator';
import { ContractRoutes } from '../http/contract-routes';
import { pageOf, schemaRef } from '../http/openapi';
import { queryInt } from '../http/validation';
import { createBodyWithAction, patchBodyWithAction } from './send-action';

const CreateBody = createBodyWithAction(CreateEventRule.request);
const PatchBody = patchBodyWithAction(UpdateEventRule.request.shape.patch, { enabled: false });
const RunsQuery = z.object({ limit: queryInt(1, 500) }).strict();

@ApiController('event-rules', 'workspace', 'Event rules')
export class EventRulesController extends ContractRoutes(
  { ids: { id: 'ruleId' }, resource: schemaRef('EventRule', EventRule) },
  {
    create: {
      route: 'POST',
      summary: 'Create a rule: an event type, an optional CEL condition, a send action',
      status: 201,
      errors: [404, 422],
      contract: CreateEventRule,
      body: CreateBody,
    },
    list: {
      route: 'GET',
      summary: "The workspace's rules",
      response: pageOf('EventRule', EventRule),
      contract: ListEventRules,
    },
    get: {
      route: 'GET :id',
      summary: 'One rule',
      errors: [404],
      contract: GetEventRule,
    },
    update: {
      route: 'PATCH :id',
      summary:
        'Change a rule (event, condition, action, enabled), checked as when created; a disabled rule does nothing',
      errors: [404, 422],
      contract: UpdateEventRule,
      body: PatchBody,
      bodyAs: 'patch',
    },
    delete: {
      route: 'DELETE :id',
      summary: 'Delete a rule and its run log',
      status: 204,
      errors: [404],
      contract: DeleteEventRule,
    },
    runs: {
      route: 'GET :id/runs',
      summary: "A rule's action runs, newest first, with status (sent, skipped, failed) and reason",
      response: pageOf('ActionRun', ActionRun),
      errors: [404],
      contract: ListActionRuns,
      query: RunsQuery,
    },
  },
) {}
