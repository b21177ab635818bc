import { applyDecorators, Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { z } from 'zod';
import {
  CreatePhoneNumber,
  CreateWorkspace,
  Feature,
  GetWorkspace,
  ListWorkspaces,
  SetWorkspaceFeature,
  UpdateWorkspace,
  Workspace,
} from '@app/contracts';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { changingSomething, IdParam, parseInput, ZodBody } from '../http/validation';
import { numberRef } from '../phone-numbers/phone-numbers.controller';

const CreateWorkspaceBody = CreateWorkspace.request.strict();
const PatchWorkspaceBody = changingSomething(UpdateWorkspace.request.shape.patch);
const workspaceRef = () => schemaRef('Workspace', Workspace);
// The number is checked (E.164, not in use, not another workspace's unless reassigned) by routing, which owns the rules.
const AssignNumberBody = CreatePhoneNumber.request.omit({ workspaceId: true }).strict();

@ApiController('workspaces', 'operator', 'Workspaces (operator)')
export class WorkspacesController {
  constructor(private readonly services: ServiceClient) {}

  @Endpoint('POST', '', { summary: 'Create a workspace', status: 201, response: workspaceRef() })
  create(@ZodBody(CreateWorkspaceBody) body: z.infer<typeof CreateWorkspaceBody>) {
    return this.services.ask(CreateWorkspace, body);
  }

  @Endpoint('GET', '', {
    summary: 'Every workspace, by name',
    response: schemaRef('WorkspaceList', ListWorkspaces.response),
  })
  list() {
    return this.services.ask(ListWorkspaces, {});
  }

  @Endpoint('GET', ':id', { summary: 'Read a workspace', response: workspaceRef(), errors: [404] })
  get(@IdParam() workspaceId: string) {
    return this.services.ask(GetWorkspace, { workspaceId });
  }

  @Endpoint('PATCH', ':id', {
    summary:
      "Change a workspace's operator settings: dailySendQuota (sends accepted per UTC day; null: none)",
    response: workspaceRef(),
    errors: [404],
  })
  update(
    @IdParam() workspaceId: string,
    @ZodBody(PatchWorkspaceBody) patch: z.infer<typeof PatchWorkspaceBody>,
  ) {
    return this.services.ask(UpdateWorkspace, { workspaceId, patch });
  }

  @Endpoint('POST', ':id/phone-numbers', {
    summary:
      'Assign a Twilio number to the workspace (WhatsApp on needs the feature; reassign: true takes a number another workspace archived)',
    status: 201,
    response: numberRef(),
    errors: [404, 409, 422],
  })
  assignNumber(
    @IdParam() workspaceId: string,
    @ZodBody(AssignNumberBody) body: z.infer<typeof AssignNumberBody>,
  ) {
    return this.services.ask(CreatePhoneNumber, { ...body, workspaceId });
  }

  @FeatureSwitch('PUT', 'Switch a feature (such as whatsapp) on')
  enable(@IdParam() workspaceId: string, @Param('feature') feature: string) {
    return this.switchFeature(workspaceId, feature, true);
  }

  @FeatureSwitch('DELETE', 'Switch a feature off')
  disable(@IdParam() workspaceId: string, @Param('feature') feature: string) {
    return this.switchFeature(workspaceId, feature, false);
  }

  private switchFeature(workspaceId: string, feature: string, enabled: boolean) {
    const checked = parseInput(Feature, feature, 'path: feature');
    return this.services.ask(SetWorkspaceFeature, { workspaceId, feature: checked, enabled });
  }
}

/** The two routes of `:id/features/:feature`: PUT switches the feature on, DELETE off. */
function FeatureSwitch(method: 'PUT' | 'DELETE', summary: string): MethodDecorator {
  return applyDecorators(
    Endpoint(method, ':id/features/:feature', { summary, response: workspaceRef(), errors: [404] }),
    ApiParam({ name: 'feature', enum: Feature.options }),
  );
}
