import { Get, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import {
  ConversationWindow,
  CreateMember,
  GetConversationWindows,
  GetMember,
  ListMembers,
  ListPreferenceChanges,
  Member,
  MemberFields,
  MemberPatch,
  PreferenceChange,
  UpdateMember,
  type ChangeSource,
} from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { pageOf, schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { IdParam, queryCursor, queryInt, ZodBody, ZodQuery } from '../http/validation';

// Phone numbers are normalised and checked by preferences (it answers 400 naming `phone`).
const CreateBody = MemberFields.meta({
  example: {
    firstName: 'Dana',
    phone: '+14155552671',
    notifyWhatsapp: true,
    attributes: { appointment_at: '2026-12-01T10:00:00Z', clinic: 'Harbor Street' },
  },
});
const PatchBody = MemberPatch.refine(
  (p) => Object.keys(p).length > 0,
  'give at least one field to change',
).meta({
  // attributes merge: a key set to null is removed, keys not named stay.
  example: { optedOut: false, attributes: { appointment_at: '2026-12-04T09:30:00Z', clinic: null } },
});
const ListQuery = z
  .object({
    phone: z.string().min(1).max(50).optional(),
    filter: z.string().min(1).max(2000).optional(),
    search: z.string().trim().min(1).max(100).optional(),
    limit: queryInt(1, 1000),
    cursor: queryCursor,
  })
  .strict();
const ChangesQuery = z.object({ limit: queryInt(1, 1000), cursor: queryCursor }).strict();
const memberRef = () => schemaRef('Member', Member);

/** Changes made through the API are audited with the key that made them. */
const apiSource = (ws: WorkspaceCaller): ChangeSource => ({ type: 'api', ref: ws.actor });

@ApiController('members', 'workspace', 'Members')
export class MembersController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Endpoint({
    summary:
      'Create a member (notifyWhatsapp defaults to false); attributes is a JSON object of your own data about them (identifier keys, at most 50, 8 KiB)',
    status: 201,
    response: memberRef(),
    errors: [409],
  })
  create(@Workspace() ws: WorkspaceCaller, @ZodBody(CreateBody) fields: z.infer<typeof CreateBody>) {
    return this.services.ask(CreateMember, { workspaceId: ws.workspaceId, fields, source: apiSource(ws) });
  }

  @Get()
  @Endpoint({
    summary:
      'List members, by phone, by a search text (part of a name, email or phone) or by a CEL filter such as member.notify_whatsapp, paged',
    response: pageOf('Member', Member),
  })
  list(@Workspace() ws: WorkspaceCaller, @ZodQuery(ListQuery) query: z.infer<typeof ListQuery>) {
    return this.services.ask(ListMembers, {
      workspaceId: ws.workspaceId,
      ...query,
      cursor: query.cursor ?? null,
    });
  }

  @Get(':id')
  @Endpoint({ summary: 'Read a member', response: memberRef(), errors: [404] })
  get(@Workspace() ws: WorkspaceCaller, @IdParam() memberId: string) {
    return this.services.ask(GetMember, { workspaceId: ws.workspaceId, memberId });
  }

  @Patch(':id')
  @Endpoint({
    summary:
      "Change a member's fields, notification switches and opt-out (audited with source api; optedOut goes through the same rule and history as STOP/START); attributes are merged, a key set to null is removed",
    response: memberRef(),
    errors: [404, 409],
  })
  update(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() memberId: string,
    @ZodBody(PatchBody) patch: z.infer<typeof PatchBody>,
  ) {
    return this.services.ask(UpdateMember, {
      workspaceId: ws.workspaceId,
      memberId,
      patch,
      source: apiSource(ws),
    });
  }

  @Get(':id/preference-changes')
  @Endpoint({
    summary: "A member's preference audit trail, newest first",
    response: pageOf('PreferenceChange', PreferenceChange),
    errors: [404],
  })
  changes(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() memberId: string,
    @ZodQuery(ChangesQuery) query: z.infer<typeof ChangesQuery>,
  ) {
    return this.services.ask(ListPreferenceChanges, {
      workspaceId: ws.workspaceId,
      memberId,
      ...query,
      cursor: query.cursor ?? null,
    });
  }

  @Get(':id/windows')
  @Endpoint({
    summary: "A member's 24-hour WhatsApp/SMS windows per number",
    response: {
      type: 'object',
      properties: { items: { type: 'array', items: schemaRef('ConversationWindow', ConversationWindow) } },
    },
    errors: [404],
  })
  async windows(@Workspace() ws: WorkspaceCaller, @IdParam() memberId: string) {
    // Outbound answers an empty list for an unknown member; asking preferences too makes it a 404.
    const [, windows] = await Promise.all([
      this.services.ask(GetMember, { workspaceId: ws.workspaceId, memberId }),
      this.services.ask(GetConversationWindows, { workspaceId: ws.workspaceId, memberId }),
    ]);
    return windows;
  }
}
