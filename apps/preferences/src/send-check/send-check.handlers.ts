import { Controller } from '@nestjs/common';
import { CheckSend, CheckSendToAddress } from '@app/contracts';
import { answer, HandOver } from '@app/messaging';
import { CheckSendToAddressUseCase } from './check-send-to-address.usecase';
import { CheckSendUseCase } from './check-send.usecase';

@Controller()
export class SendCheckHandlers extends HandOver(
  answer(CheckSend, CheckSendUseCase),
  answer(CheckSendToAddress, CheckSendToAddressUseCase),
) {}
