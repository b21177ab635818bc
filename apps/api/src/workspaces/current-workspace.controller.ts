import { GetWorkspace, Workspace as WorkspaceSchema } from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';

/** The caller's own workspace: its name and features (the console hides WhatsApp without it). */
@ApiController('workspace', 'workspace', 'Workspaces (operator)')
export class CurrentWorkspaceController {
  constructor(private readonly services: ServiceClient) {}

  @Endpoint('GET', '', {
    summary: "The calling key's workspace, with its features",
    response: schemaRef('Workspace', WorkspaceSchema),
  })
  get(@Workspace() ws: WorkspaceCaller) {
    return this.services.askAs(ws, GetWorkspace, {});
  }
}
