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
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { pageOf, schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { IdParam, queryInt, ZodBody, ZodQuery } from '../http/validation';
import { StrictSendAction } from './send-action';

const CreateBody = CreateEventRule.request
  .omit({ workspaceId: true })
  .extend({ action: StrictSendAction })
  .strict();
const PatchBody = UpdateEventRule.request.shape.patch
  .extend({ action: StrictSendAction })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to change')
  .meta({ example: { enabled: false } });
const RunsQuery = z.object({ limit: queryInt(1, 500) }).strict();
const ruleRef = () => schemaRef('EventRule', EventRule);

@ApiController('event-rules', 'workspace', 'Event rules')
export class EventRulesController {
  constructor(private readonly services: ServiceClient) {}

  @Endpoint('POST', '', {
    summary: 'Create a rule: an event type, an optional CEL condition, a send action',
    status: 201,
    response: ruleRef(),
    errors: [404, 422],
  })
  create(@Workspace() ws: WorkspaceCaller, @ZodBody(CreateBody) body: z.infer<typeof CreateBody>) {
    return this.services.askAs(ws, CreateEventRule, body);
  }

  @Endpoint('GET', '', { summary: "The workspace's rules", response: pageOf('EventRule', EventRule) })
  list(@Workspace() ws: WorkspaceCaller) {
    return this.services.askAs(ws, ListEventRules, {});
  }

  @Endpoint('GET', ':id', { summary: 'One rule', response: ruleRef(), errors: [404] })
  get(@Workspace() ws: WorkspaceCaller, @IdParam() ruleId: string) {
    return this.services.askAs(ws, GetEventRule, { ruleId });
  }

  @Endpoint('PATCH', ':id', {
    summary:
      'Change a rule (event, condition, action, enabled), checked as when created; a disabled rule does nothing',
    response: ruleRef(),
    errors: [404, 422],
  })
  update(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() ruleId: string,
    @ZodBody(PatchBody) patch: z.infer<typeof PatchBody>,
  ) {
    return this.services.askAs(ws, UpdateEventRule, { ruleId, patch });
  }

  @Endpoint('DELETE', ':id', { summary: 'Delete a rule and its run log', status: 204, errors: [404] })
  async delete(@Workspace() ws: WorkspaceCaller, @IdParam() ruleId: string) {
    await this.services.askAs(ws, DeleteEventRule, { ruleId });
  }

  @Endpoint('GET', ':id/runs', {
    summary: "A rule's action runs, newest first, with status (sent, skipped, failed) and reason",
    response: pageOf('ActionRun', ActionRun),
    errors: [404],
  })
  runs(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() ruleId: string,
    @ZodQuery(RunsQuery) query: z.infer<typeof RunsQuery>,
  ) {
    return this.services.askAs(ws, ListActionRuns, { ruleId, ...query });
  }
}
