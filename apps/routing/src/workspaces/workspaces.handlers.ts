import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateWorkspace,
  GetWorkspace,
  ListWorkspaces,
  SetWorkspaceFeature,
  UpdateWorkspace,
  type RequestPayload,
} from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { WorkspacesUseCase } from './workspaces.usecase';

@Controller()
export class WorkspacesHandlers {
  constructor(private readonly workspaces: WorkspacesUseCase) {}

  @OnRequest(CreateWorkspace)
  create(@Payload() request: RequestPayload<typeof CreateWorkspace>) {
    return this.workspaces.create(request.name);
  }

  @OnRequest(GetWorkspace)
  get(@Payload() request: RequestPayload<typeof GetWorkspace>) {
    return this.workspaces.get(request.workspaceId);
  }

  @OnRequest(ListWorkspaces)
  async list(@Payload() request: RequestPayload<typeof ListWorkspaces>) {
    return { items: await this.workspaces.list(request.ids) };
  }

  @OnRequest(UpdateWorkspace)
  update(@Payload() request: RequestPayload<typeof UpdateWorkspace>) {
    return this.workspaces.update(request.workspaceId, request.patch);
  }

  @OnRequest(SetWorkspaceFeature)
  setFeature(@Payload() request: RequestPayload<typeof SetWorkspaceFeature>) {
    return this.workspaces.setFeature(request.workspaceId, request.feature, request.enabled);
  }
}
