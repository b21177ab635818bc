import { Controller } from '@nestjs/common';
import {
  CreateEventRule,
  DeleteEventRule,
  GetEventRule,
  ListActionRuns,
  ListEventRules,
  UpdateEventRule,
} from '@app/contracts';
import { answer, HandOver } from '@app/messaging';
import { CreateEventRuleUseCase } from './create-event-rule.usecase';
import { DeleteEventRuleUseCase } from './delete-event-rule.usecase';
import {
  GetEventRuleUseCase,
  ListActionRunsUseCase,
  ListEventRulesUseCase,
} from './read-event-rules.usecases';
import { UpdateEventRuleUseCase } from './update-event-rule.usecase';

@Controller()
export class RulesHandlers extends HandOver(
  answer(UpdateEventRule, UpdateEventRuleUseCase),
  answer(DeleteEventRule, DeleteEventRuleUseCase),
  answer(CreateEventRule, CreateEventRuleUseCase),
  answer(GetEventRule, GetEventRuleUseCase),
  answer(ListEventRules, ListEventRulesUseCase),
  answer(ListActionRuns, ListActionRunsUseCase),
) {}
