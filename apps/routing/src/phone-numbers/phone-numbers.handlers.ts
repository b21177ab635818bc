import { Controller } from '@nestjs/common';
import {
  ArchivePhoneNumber,
  CreatePhoneNumber,
  GetPhoneNumber,
  GetSender,
  ListPhoneNumbers,
  UpdatePhoneNumber,
} from '@app/contracts';
import { answer, HandOver } from '@app/messaging';
import { CreatePhoneNumberUseCase } from './create-phone-number.usecase';
import {
  ArchivePhoneNumberUseCase,
  GetPhoneNumberUseCase,
  GetSenderUseCase,
  ListPhoneNumbersUseCase,
} from './phone-numbers.usecases';
import { UpdatePhoneNumberUseCase } from './update-phone-number.usecase';

/** rpc.routing.phone-number.* and rpc.routing.sender.get: payloads arrive validated against the contracts. */
@Controller()
export class PhoneNumbersHandlers extends HandOver(
  answer(CreatePhoneNumber, CreatePhoneNumberUseCase),
  answer(GetPhoneNumber, GetPhoneNumberUseCase),
  answer(ListPhoneNumbers, ListPhoneNumbersUseCase),
  answer(UpdatePhoneNumber, UpdatePhoneNumberUseCase),
  answer(ArchivePhoneNumber, ArchivePhoneNumberUseCase),
  answer(GetSender, GetSenderUseCase),
) {}
