import { Controller } from '@nestjs/common';
import {
  CreateWorkspace,
  GetWorkspace,
  ListWorkspaces,
  SetWorkspaceFeature,
  UpdateWorkspace,
} from '@app/contracts';
import { answer, HandOver } from '@app/messaging';
import {
  CreateWorkspaceUseCase,
  GetWorkspaceUseCase,
  ListWorkspacesUseCase,
  SetWorkspaceFeatureUseCase,
  UpdateWorkspaceUseCase,
} from './workspaces.usecases';

/** rpc.routing.workspace.*: payloads arrive validated against the contracts. */
@Controller()
export class WorkspacesHandlers extends HandOver(
  answer(CreateWorkspace, CreateWorkspaceUseCase),
  answer(GetWorkspace, GetWorkspaceUseCase),
  answer(ListWorkspaces, ListWorkspacesUseCase),
  answer(UpdateWorkspace, UpdateWorkspaceUseCase),
  answer(SetWorkspaceFeature, SetWorkspaceFeatureUseCase),
) {}
