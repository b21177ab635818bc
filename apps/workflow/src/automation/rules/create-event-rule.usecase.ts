import { Injectable } from '@nestjs/common';
import type { SendAction } from '@app/contracts';
import { checkCondition } from '../actions/cel';
import { SendActionRunner } from '../actions/send-action.runner';
import { validateAction } from '../actions/validate-action';
import { EventRulesRepository, type EventRule } from './event-rules.repository';

export interface CreateEventRuleInput {
  workspaceId: string;
  event: string;
  condition?: string;
  action: SendAction;
}

/** Saves a rule once its condition, templates and sending number are known to be usable. */
@Injectable()
export class CreateEventRuleUseCase {
  constructor(
    private readonly rules: EventRulesRepository,
    private readonly actions: SendActionRunner,
  ) {}

  async execute(input: CreateEventRuleInput): Promise<EventRule> {
    const condition = input.condition?.trim() ? input.condition.trim() : null;
    if (condition) checkCondition(condition);
    validateAction(input.action);
    await this.actions.assertSenderExists(input.workspaceId, input.action.phoneNumberId);
    return this.rules.create({
      workspaceId: input.workspaceId,
      event: input.event,
      condition,
      action: input.action,
    });
  }
}
