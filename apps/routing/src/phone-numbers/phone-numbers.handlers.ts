import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ArchivePhoneNumber,
  CreatePhoneNumber,
  GetPhoneNumber,
  GetSender,
  ListPhoneNumbers,
  UpdatePhoneNumber,
  type RequestPayload,
} from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { PhoneNumbersUseCase } from './phone-numbers.usecase';

@Controller()
export class PhoneNumbersHandlers {
  constructor(private readonly numbers: PhoneNumbersUseCase) {}

  @OnRequest(CreatePhoneNumber)
  create(@Payload() request: RequestPayload<typeof CreatePhoneNumber>) {
    return this.numbers.create(request);
  }

  @OnRequest(GetPhoneNumber)
  get(@Payload() request: RequestPayload<typeof GetPhoneNumber>) {
    return this.numbers.get(request.workspaceId, request.phoneNumberId);
  }

  @OnRequest(ListPhoneNumbers)
  list(@Payload() request: RequestPayload<typeof ListPhoneNumbers>) {
    return this.numbers.list(request.workspaceId, request.includeArchived);
  }

  @OnRequest(UpdatePhoneNumber)
  update(@Payload() request: RequestPayload<typeof UpdatePhoneNumber>) {
    return this.numbers.update(request.workspaceId, request.phoneNumberId, request.patch);
  }

  @OnRequest(ArchivePhoneNumber)
  archive(@Payload() request: RequestPayload<typeof ArchivePhoneNumber>) {
    return this.numbers.archive(request.workspaceId, request.phoneNumberId);
  }

  @OnRequest(GetSender)
  sender(@Payload() request: RequestPayload<typeof GetSender>) {
    return this.numbers.sender(request.workspaceId, request.phoneNumberId);
  }
}
