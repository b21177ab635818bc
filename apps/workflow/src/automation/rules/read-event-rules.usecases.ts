import { Injectable } from '@nestjs/common';
import {
  AppError,
  type GetEventRule,
  type ListActionRuns,
  type ListEventRules,
  type RequestPayload,
} from '@app/contracts';
import type { Answer } from '@app/messaging';
import { found } from '@app/persistence';
import { ActionRunsRepository } from './action-runs.repository';
import { EventRulesRepository } from './event-rules.repository';

/** One event rule of the workspace. */
@Injectable()
export class GetEventRuleUseCase {
  constructor(private readonly rules: EventRulesRepository) {}

  async execute(request: RequestPayload<typeof GetEventRule>): Answer<typeof GetEventRule> {
    const rule = found(await this.rules.get(request.workspaceId, request.ruleId), 'Event rule');
    return rule;
  }
}

/** The workspace's event rules, in one page. */
@Injectable()
export class ListEventRulesUseCase {
  constructor(private readonly rules: EventRulesRepository) {}

  async execute(request: RequestPayload<typeof ListEventRules>): Answer<typeof ListEventRules> {
    return { items: await this.rules.list(request.workspaceId), nextCursor: null };
  }
}

/** The latest runs of one event rule's action (a rule of another workspace is not found). */
@Injectable()
export class ListActionRunsUseCase {
  constructor(
    private readonly rules: EventRulesRepository,
    private readonly runs: ActionRunsRepository,
  ) {}

  async execute(request: RequestPayload<typeof ListActionRuns>): Answer<typeof ListActionRuns> {
    if (!(await this.rules.get(request.workspaceId, request.ruleId))) throw AppError.notFound('Event rule');
    return {
      items: await this.runs.listForRule(request.workspaceId, request.ruleId, request.limit),
      nextCursor: null,
    };
  }
}
