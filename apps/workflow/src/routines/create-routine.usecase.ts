import { Injectable } from '@nestjs/common';
import type { SendAction } from '@app/contracts';
import { compileCel } from '../rules/actions/cel';
import { SendActionRunner } from '../rules/actions/send-action.runner';
import { validateAction } from '../rules/actions/validate-action';
import { assertNumberExists } from '../rules/create-event-rule.usecase';
import { RoutinesRepository, type RoutineRecord } from './routines.repository';
import { checkSchedule } from './schedule';

export interface CreateRoutineInput {
  workspaceId: string;
  name: string;
  memberFilter: string;
  action: SendAction;
  schedule?: string;
}

/** Saves a routine once its filter, action and schedule are known to be usable. */
@Injectable()
export class CreateRoutineUseCase {
  constructor(
    private readonly routines: RoutinesRepository,
    private readonly actions: SendActionRunner,
  ) {}

  async execute(input: CreateRoutineInput): Promise<RoutineRecord> {
    const memberFilter = input.memberFilter.trim();
    compileCel(memberFilter, 'memberFilter');
    validateAction(input.action);
    const schedule = input.schedule?.trim() ? input.schedule.trim() : null;
    if (schedule) checkSchedule(schedule);
    await assertNumberExists(this.actions, input.workspaceId, input.action.phoneNumberId);
    return this.routines.create({ workspaceId: input.workspaceId, name: input.name, memberFilter, action: input.action, schedule });
  }
}
