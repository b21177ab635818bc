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
import { ApiController } from '../http/api-controller.decorator';
import { ContractRoutes } from '../http/contract-routes';
import { pageOf, schemaRef } from '../http/openapi';
import { changingSomething, queryBool } from '../http/validation';

// The number is checked (E.164) by routing, which owns the rule and answers 400 naming it.
// Assigning a number is the operator's act (POST /v1/workspaces/{id}/phone-numbers): a workspace
// key that could claim any number could take another tenant's members' messages.
export const CLAIM_REFUSED =
  "A workspace cannot claim a phone number: the operator assigns numbers with POST /v1/workspaces/{workspaceId}/phone-numbers (operator key or an admin). A workspace changes its numbers' settings with PATCH /v1/phone-numbers/{id}.";
const CreateBody = CreatePhoneNumber.request.omit({ workspaceId: true, reassign: true }).strict();
const PatchBody = changingSomething(PhoneNumberFields.strict());
const ListQuery = z.object({ includeArchived: queryBool }).strict();
export const numberRef = () => schemaRef('PhoneNumber', PhoneNumber);

@ApiController('phone-numbers', 'workspace', 'Phone numbers')
export class PhoneNumbersController extends ContractRoutes(
  { ids: { id: 'phoneNumberId' }, resource: numberRef() },
  {
    create: {
      route: 'POST',
      summary:
        "Assign a Twilio number to the workspace the admin's session names (X-Workspace-Id); refused (403) for workspace keys and members: the operator assigns numbers with POST /v1/workspaces/{id}/phone-numbers",
      status: 201,
      errors: [409, 422],
      contract: CreatePhoneNumber,
      body: CreateBody,
      decorators: [AdminsOnly(CLAIM_REFUSED)],
    },
    list: {
      route: 'GET',
      summary: "List the workspace's numbers",
      response: pageOf('PhoneNumber', PhoneNumber),
      // includeArchived defaults to false in the contract.
      contract: ListPhoneNumbers,
      query: ListQuery,
    },
    get: {
      route: 'GET :id',
      summary: 'Read a number',
      errors: [404],
      contract: GetPhoneNumber,
    },
    update: {
      route: 'PATCH :id',
      summary: "Change a number's settings (WhatsApp on needs the workspace feature)",
      errors: [404, 422],
      contract: UpdatePhoneNumber,
      body: PatchBody,
      bodyAs: 'patch',
    },
    archive: {
      route: 'DELETE :id',
      summary: 'Archive a number: it stops receiving and sending',
      errors: [404],
      contract: ArchivePhoneNumber,
    },
  },
) {}
