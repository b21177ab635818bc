import { z } from 'zod';
import {
  ArchivePhoneNumber,
  CreatePhoneNumber,
  GetPhoneNumber,
  ListPhoneNumbers,
  PhoneNumber,
  PhoneNumberFields,
  UpdatePhoneNumber,
} from '@app/contracts';
import { AdminsOnly } from '../auth/access.guard';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { pageOf, schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { IdParam, queryBool, ZodBody, ZodQuery } from '../http/validation';

// The number is checked (E.164) by routing, which owns the rule and answers 400 naming it.
// Assigning a number is the operator's act (POST /v1/workspaces/{id}/phone-numbers): a workspace
// key that could claim any number could take another tenant's members' messages.
export const CLAIM_REFUSED =
  "A workspace cannot claim a phone number: the operator assigns numbers with POST /v1/workspaces/{workspaceId}/phone-numbers (operator key or an admin). A workspace changes its numbers' settings with PATCH /v1/phone-numbers/{id}.";
const CreateBody = CreatePhoneNumber.request.omit({ workspaceId: true, reassign: true }).strict();
const PatchBody = PhoneNumberFields.strict().refine(
  (p) => Object.keys(p).length > 0,
  'give at least one field to change',
);
const ListQuery = z.object({ includeArchived: queryBool }).strict();
export const numberRef = () => schemaRef('PhoneNumber', PhoneNumber);

@ApiController('phone-numbers', 'workspace', 'Phone numbers')
export class PhoneNumbersController {
  constructor(private readonly services: ServiceClient) {}

  @AdminsOnly(CLAIM_REFUSED)
  @Endpoint('POST', '', {
    summary:
      "Assign a Twilio number to the workspace the admin's session names (X-Workspace-Id); refused (403) for workspace keys and members: the operator assigns numbers with POST /v1/workspaces/{id}/phone-numbers",
    status: 201,
    response: numberRef(),
    errors: [409, 422],
  })
  create(@Workspace() ws: WorkspaceCaller, @ZodBody(CreateBody) body: z.infer<typeof CreateBody>) {
    return this.services.askAs(ws, CreatePhoneNumber, body);
  }

  @Endpoint('GET', '', {
    summary: "List the workspace's numbers",
    response: pageOf('PhoneNumber', PhoneNumber),
  })
  list(@Workspace() ws: WorkspaceCaller, @ZodQuery(ListQuery) query: z.infer<typeof ListQuery>) {
    return this.services.askAs(ws, ListPhoneNumbers, {
      includeArchived: query.includeArchived ?? false,
    });
  }

  @Endpoint('GET', ':id', { summary: 'Read a number', response: numberRef(), errors: [404] })
  get(@Workspace() ws: WorkspaceCaller, @IdParam() phoneNumberId: string) {
    return this.services.askAs(ws, GetPhoneNumber, { phoneNumberId });
  }

  @Endpoint('PATCH', ':id', {
    summary: "Change a number's settings (WhatsApp on needs the workspace feature)",
    response: numberRef(),
    errors: [404, 422],
  })
  update(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() phoneNumberId: string,
    @ZodBody(PatchBody) patch: z.infer<typeof PatchBody>,
  ) {
    return this.services.askAs(ws, UpdatePhoneNumber, { phoneNumberId, patch });
  }

  @Endpoint('DELETE', ':id', {
    summary: 'Archive a number: it stops receiving and sending',
    response: numberRef(),
    errors: [404],
  })
  archive(@Workspace() ws: WorkspaceCaller, @IdParam() phoneNumberId: string) {
    return this.services.askAs(ws, ArchivePhoneNumber, { phoneNumberId });
  }
}
