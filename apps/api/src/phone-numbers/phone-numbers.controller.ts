import { Delete, Get, Patch, Post } from '@nestjs/common';
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
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { pageOf, schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { IdParam, queryBool, ZodBody, ZodQuery } from '../http/validation';

// The number is checked (E.164) by routing, which owns the rule and answers 400 naming it.
// Taking a number another workspace had is the operator's act (POST /v1/workspaces/{id}/phone-numbers).
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

  @Post()
  @Endpoint({
    summary: 'Add a Twilio number (WhatsApp on needs the workspace feature)',
    status: 201,
    response: numberRef(),
    errors: [409, 422],
  })
  create(@Workspace() ws: WorkspaceCaller, @ZodBody(CreateBody) body: z.infer<typeof CreateBody>) {
    return this.services.ask(CreatePhoneNumber, { ...body, workspaceId: ws.workspaceId });
  }

  @Get()
  @Endpoint({ summary: "List the workspace's numbers", response: pageOf('PhoneNumber', PhoneNumber) })
  list(@Workspace() ws: WorkspaceCaller, @ZodQuery(ListQuery) query: z.infer<typeof ListQuery>) {
    return this.services.ask(ListPhoneNumbers, {
      workspaceId: ws.workspaceId,
      includeArchived: query.includeArchived ?? false,
    });
  }

  @Get(':id')
  @Endpoint({ summary: 'Read a number', response: numberRef(), errors: [404] })
  get(@Workspace() ws: WorkspaceCaller, @IdParam() phoneNumberId: string) {
    return this.services.ask(GetPhoneNumber, { workspaceId: ws.workspaceId, phoneNumberId });
  }

  @Patch(':id')
  @Endpoint({
    summary: "Change a number's settings (WhatsApp on needs the workspace feature)",
    response: numberRef(),
    errors: [404, 422],
  })
  update(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() phoneNumberId: string,
    @ZodBody(PatchBody) patch: z.infer<typeof PatchBody>,
  ) {
    return this.services.ask(UpdatePhoneNumber, { workspaceId: ws.workspaceId, phoneNumberId, patch });
  }

  @Delete(':id')
  @Endpoint({
    summary: 'Archive a number: it stops receiving and sending',
    response: numberRef(),
    errors: [404],
  })
  archive(@Workspace() ws: WorkspaceCaller, @IdParam() phoneNumberId: string) {
    return this.services.ask(ArchivePhoneNumber, { workspaceId: ws.workspaceId, phoneNumberId });
  }
}
