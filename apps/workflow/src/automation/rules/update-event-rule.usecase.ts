import { Injectable } from '@nestjs/common';
import { AppError, type RequestPayload, type UpdateEventRule } from '@app/contracts';
import { found } from '@app/persistence';
import { checkCondition } from '../actions/cel';
import { SendActionRunner } from '../actions/send-action.runner';
import { validateAction } from '../actions/validate-action';
import { EventRulesRepository, type EventRule } from './event-rules.repository';

/** Changes a rule, checked as when it was created; `enabled: false` makes it do nothing. */
@Injectable()
export class UpdateEventRuleUseCase {
  constructor(
    private readonly rules: EventRulesRepository,
    private readonly actions: SendActionRunner,
  ) {}

  async execute(request: RequestPayload<typeof UpdateEventRule>): Promise<EventRule> {
    const { workspaceId, ruleId, patch } = request;
    if (!(await this.rules.get(workspaceId, ruleId))) throw AppError.notFound('Event rule');
    const condition =
      patch.condition === undefined ? undefined : patch.condition?.trim() ? patch.condition.trim() : null;
    if (condition) checkCondition(condition);
    if (patch.action) {
      validateAction(patch.action);
      await this.actions.assertSenderExists(workspaceId, patch.action.phoneNumberId);
    }
    const updated = found(
      await this.rules.update(workspaceId, ruleId, {
        event: patch.event,
        condition,
        action: patch.action,
        enabled: patch.enabled,
      }),
      'Event rule',
    );
    return updated;
  }
}
