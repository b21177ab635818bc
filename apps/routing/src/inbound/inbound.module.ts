import { Module } from '@nestjs/common';
import { PhoneNumbersModule } from '../phone-numbers/phone-numbers.module';
import { InboundHandlers } from './inbound.handlers';
import { KEYWORD_OUTCOMES } from './inbound.tokens';
import { KeywordOutcomesRepository } from './keyword-outcomes.repository';
import { RouteInboundUseCase } from './route-inbound.usecase';

/** Routes inbound messages: accept or drop, keywords, off hours. */
@Module({
  imports: [PhoneNumbersModule],
  controllers: [InboundHandlers],
  providers: [RouteInboundUseCase, { provide: KEYWORD_OUTCOMES, useClass: KeywordOutcomesRepository }],
})
export class InboundModule {}
