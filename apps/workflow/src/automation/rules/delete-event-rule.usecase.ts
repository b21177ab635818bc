import { Injectable } from '@nestjs/common';
import { AppError, type DeleteEventRule, type RequestPayload } from '@app/contracts';
import { EventRulesRepository } from './event-rules.repository';

/** Deletes a rule with its run log; events no longer trigger it. */
@Injectable()
export class DeleteEventRuleUseCase {
  constructor(private readonly rules: EventRulesRepository) {}

  async execute(request: RequestPayload<typeof DeleteEventRule>): Promise<{ deleted: true }> {
    if (!(await this.rules.delete(request.workspaceId, request.ruleId)))
      throw AppError.notFound('Event rule');
    return { deleted: true };
  }
}
