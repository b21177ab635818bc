import { Get, Post } from '@nestjs/common';
import { z } from 'zod';
import { CreateRoutine, GetRoutine, Routine, RunRoutine } from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { StrictSendAction } from '../event-rules/send-action';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { IdParam, ZodBody } from '../http/validation';

const CreateBody = CreateRoutine.request
  .omit({ workspaceId: true })
  .extend({ action: StrictSendAction })
  .strict();
const routineRef = () => schemaRef('Routine', Routine);

@ApiController('routines', 'workspace', 'Routines')
export class RoutinesController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Endpoint({
    summary: 'Create a broadcast: a CEL member filter and an action, on a cron schedule or on demand',
    status: 201,
    response: routineRef(),
    errors: [404, 422],
  })
  create(@Workspace() ws: WorkspaceCaller, @ZodBody(CreateBody) body: z.infer<typeof CreateBody>) {
    return this.services.ask(CreateRoutine, { ...body, workspaceId: ws.workspaceId });
  }

  @Get(':id')
  @Endpoint({
    summary: 'A routine with the progress of its latest run',
    response: routineRef(),
    errors: [404],
  })
  get(@Workspace() ws: WorkspaceCaller, @IdParam() routineId: string) {
    return this.services.ask(GetRoutine, { workspaceId: ws.workspaceId, routineId });
  }

  @Post(':id/run')
  @Endpoint({
    summary: 'Start a run now (progress follows on GET)',
    status: 202,
    response: routineRef(),
    errors: [404, 409],
  })
  run(@Workspace() ws: WorkspaceCaller, @IdParam() routineId: string) {
    return this.services.ask(RunRoutine, { workspaceId: ws.workspaceId, routineId });
  }
}
