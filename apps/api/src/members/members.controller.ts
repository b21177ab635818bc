import { Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  ConversationWindow,
  CreateMember,
  EraseMember,
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
import { ContractRoutes } from '../http/contract-routes';
import { clientIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { changingSomething, queryCursor, queryInt, ZodBody } from '../http/validation';

// Phone numbers are normalised and checked by preferences (it answers 400 naming `phone`).
const CreateBody = MemberFields.meta({
  example: {
    firstName: 'Dana',
    phone: '+14155552671',
    notifyWhatsapp: true,
    attributes: { appointment_at: '2026-12-01T10:00:00Z', clinic: 'Harbor Street' },
  },
});
const PatchBody = changingSomething(MemberPatch).meta({
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
// A constant: registered before the routes' page schemas, as the document has always listed it.
const memberRef = schemaRef('Member', Member);
const ErasureResponse = EraseMember.response.meta({
  example: {
    memberId: '0b7c6a9e-3d2f-4e1a-9c8b-7a6f5e4d3c2b',
    erasedAt: '2026-11-30T09:12:00.000Z',
    erasedBy: 'api-key:6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  },
});

/** Says a create's answer is the one its Idempotency-Key got first (the name Stripe's API uses). */
const REPLAYED_HEADER = 'Idempotent-Replayed';

/** Changes made through the API are audited with the key that made them. */
const apiSource = (ws: WorkspaceCaller): ChangeSource => ({ type: 'api', ref: ws.actor });

@ApiController('members', 'workspace', 'Members')
export class MembersController extends ContractRoutes(
  { ids: { id: 'memberId' }, resource: memberRef },
  {
    list: {
      route: 'GET',
      summary:
        'List members, by phone, by a search text (part of a name, email or phone) or by a CEL filter such as member.notify_whatsapp, paged',
      response: pageOf('Member', Member),
      contract: ListMembers,
      query: ListQuery,
    },
    get: {
      route: 'GET :id',
      summary: 'Read a member',
      errors: [404],
      contract: GetMember,
    },
    update: {
      route: 'PATCH :id',
      summary:
        "Change a member's fields, notification switches and opt-out (audited with source api; optedOut goes through the same rule and history as STOP/START); attributes are merged, a key set to null is removed",
      errors: [404, 409],
      contract: UpdateMember,
      body: PatchBody,
      bodyAs: 'patch',
      fromCaller: (ws) => ({ source: apiSource(ws) }),
    },
    erase: {
      route: 'DELETE :id',
      summary:
        'Erase a member everywhere: their record and preference history now, and on the member.erased event their chat messages and media (chats), send addresses and bodies (outbound) and run data (workflow); audited with who, when and the member id only. A STOP they sent still holds for their phone. Repeating it answers the first erasure.',
      status: 202,
      response: schemaRef('MemberErasure', ErasureResponse),
      errors: [404],
      contract: EraseMember,
      fromCaller: (ws) => ({ erasedBy: ws.actor }),
    },
    changes: {
      route: 'GET :id/preference-changes',
      summary: "A member's preference audit trail, newest first",
      response: pageOf('PreferenceChange', PreferenceChange),
      errors: [404],
      contract: ListPreferenceChanges,
      query: ChangesQuery,
    },
    windows: {
      route: 'GET :id/windows',
      summary: "A member's 24-hour WhatsApp/SMS windows per number",
      response: {
        type: 'object',
        properties: { items: { type: 'array', items: schemaRef('ConversationWindow', ConversationWindow) } },
      },
      errors: [404],
      contract: GetConversationWindows,
      // Outbound answers an empty list for an unknown member; asking preferences too makes it a 404.
      mustExist: GetMember,
    },
  },
) {
  @Endpoint('POST', '', {
    summary:
      'Create a member (notifyWhatsapp defaults to false); attributes is a JSON object of your own data about them (identifier keys, at most 50, 8 KiB)',
    status: 201,
    response: memberRef,
    errors: [409, 422],
    headers: {
      [REPLAYED_HEADER]: {
        description:
          'true when the Idempotency-Key had already created this member (nothing new was created).',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  })
  async create(
    @Workspace() ws: WorkspaceCaller,
    @ZodBody(CreateBody) fields: z.infer<typeof CreateBody>,
    @IdempotencyKey(
      'Retrying with the same key (per workspace, for 24 hours) creates the member once: the repeat answers 201 with the same member and `Idempotent-Replayed: true`; the same key with other fields is refused (422).',
    )
    header: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { replayed, ...member } = await this.services.askAs(ws, CreateMember, {
      fields,
      source: apiSource(ws),
      idempotencyKey: clientIdempotencyKey(header, undefined),
    });
    if (replayed) reply.header(REPLAYED_HEADER, 'true');
    return member;
  }
}
