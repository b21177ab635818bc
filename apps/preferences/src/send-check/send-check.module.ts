import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { CheckSendToAddressUseCase } from './check-send-to-address.usecase';
import { CheckSendUseCase } from './check-send.usecase';
import { SendCheckHandlers } from './send-check.handlers';

/** rpc.preferences.send.check and .check-address: may a send of a kind on a channel reach a member, or a phone. */
@Module({
  imports: [MembersModule],
  controllers: [SendCheckHandlers],
  providers: [CheckSendUseCase, CheckSendToAddressUseCase],
})
export class SendCheckModule {}
