import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { TwilioModule } from '../twilio/twilio.module';
import { WindowsModule } from '../windows/windows.module';
import { AcceptSendUseCase } from './accept-send.usecase';
import { DeliverSendUseCase } from './deliver-send.usecase';
import { GetSendRecordUseCase } from './get-send-record.usecase';
import { SendChecks } from './send-checks';
import { SendUpdatesPublisher } from './send-updates.publisher';
import { SendEntity } from './send.entity';
import { SendsHandlers } from './sends.handlers';
import { SendsRepository } from './sends.repository';

/** Send requests: checks, idempotency, the rate limit and the Twilio call. */
@Module({
  imports: [PersistenceModule.forFeature([SendEntity]), WindowsModule, RateLimitModule, TwilioModule],
  controllers: [SendsHandlers],
  providers: [
    SendsRepository,
    SendChecks,
    SendUpdatesPublisher,
    AcceptSendUseCase,
    DeliverSendUseCase,
    GetSendRecordUseCase,
  ],
  exports: [SendsRepository, SendUpdatesPublisher],
})
export class SendsModule {}
