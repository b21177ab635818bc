import { Module } from '@nestjs/common';
import { PhoneNumbersModule } from '../phone-numbers/phone-numbers.module';
import { InboundHandlers } from './inbound.handlers';
import { KEYWORD_OUTCOMES, SANDBOX_JOINS } from './inbound.tokens';
import { SandboxModule } from '../sandbox/sandbox.module';
import { SandboxMembersRepository } from '../sandbox/sandbox-members.repository';
import { KeywordOutcomesRepository } from './keyword-outcomes.repository';
import { RouteInboundUseCase } from './route-inbound.usecase';

/** Routes inbound messages: accept or drop, keywords, off hours. */
@Module({
  imports: [PhoneNumbersModule, SandboxModule],
  controllers: [InboundHandlers],
  providers: [
    RouteInboundUseCase,
    { provide: KEYWORD_OUTCOMES, useClass: KeywordOutcomesRepository },
    { provide: SANDBOX_JOINS, useExisting: SandboxMembersRepository },
  ],
})
export class InboundModule {}
