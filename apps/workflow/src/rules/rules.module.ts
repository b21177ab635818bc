import { Module } from '@nestjs/common';
import { ActionsModule } from './actions/actions.module';
import { ActionRunsRepository } from './action-runs.repository';
import { CreateEventRuleUseCase } from './create-event-rule.usecase';
import { EventRulesRepository } from './event-rules.repository';
import { RulesHandlers } from './rules.handlers';
import { Sql } from './sql';

/** Event rules and their run log (the rules themselves; events/ runs them). */
@Module({
  imports: [ActionsModule],
  controllers: [RulesHandlers],
  providers: [Sql, EventRulesRepository, ActionRunsRepository, CreateEventRuleUseCase],
  exports: [EventRulesRepository, ActionRunsRepository, ActionsModule],
})
export class RulesModule {}
