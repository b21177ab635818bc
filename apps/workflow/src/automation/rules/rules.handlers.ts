import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AppError,
  CreateEventRule,
  DeleteEventRule,
  GetEventRule,
  UpdateEventRule,
  ListActionRuns,
  ListEventRules,
  type RequestPayload,
} from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { ActionRunsRepository } from './action-runs.repository';
import { CreateEventRuleUseCase } from './create-event-rule.usecase';
import { DeleteEventRuleUseCase } from './delete-event-rule.usecase';
import { UpdateEventRuleUseCase } from './update-event-rule.usecase';
import { EventRulesRepository } from './event-rules.repository';

@Controller()
export class RulesHandlers {
  constructor(
    private readonly createRule: CreateEventRuleUseCase,
    private readonly rules: EventRulesRepository,
    private readonly runs: ActionRunsRepository,
    private readonly updateRule: UpdateEventRuleUseCase,
    private readonly deleteRule: DeleteEventRuleUseCase,
  ) {}

  @OnRequest(UpdateEventRule)
  update(@Payload() request: RequestPayload<typeof UpdateEventRule>) {
    return this.updateRule.execute(request);
  }

  @OnRequest(DeleteEventRule)
  delete(@Payload() request: RequestPayload<typeof DeleteEventRule>) {
    return this.deleteRule.execute(request);
  }

  @OnRequest(CreateEventRule)
  create(@Payload() request: RequestPayload<typeof CreateEventRule>) {
    return this.createRule.execute(request);
  }

  @OnRequest(GetEventRule)
  async get(@Payload() request: RequestPayload<typeof GetEventRule>) {
    const rule = await this.rules.get(request.workspaceId, request.ruleId);
    if (!rule) throw AppError.notFound('Event rule');
    return rule;
  }

  @OnRequest(ListEventRules)
  async list(@Payload() request: RequestPayload<typeof ListEventRules>) {
    return { items: await this.rules.list(request.workspaceId), nextCursor: null };
  }

  @OnRequest(ListActionRuns)
  async listRuns(@Payload() request: RequestPayload<typeof ListActionRuns>) {
    if (!(await this.rules.get(request.workspaceId, request.ruleId))) throw AppError.notFound('Event rule');
    return {
      items: await this.runs.listForRule(request.workspaceId, request.ruleId, request.limit),
      nextCursor: null,
    };
  }
}
