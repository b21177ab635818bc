import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { CheckSendUseCase } from './check-send.usecase';
import { SendCheckHandlers } from './send-check.handlers';

/** rpc.preferences.send.check: may a send of a kind on a channel reach a member. */
@Module({
  imports: [MembersModule],
  controllers: [SendCheckHandlers],
  providers: [CheckSendUseCase],
})
export class SendCheckModule {}
