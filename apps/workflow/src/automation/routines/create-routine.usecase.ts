import { Injectable } from '@nestjs/common';
import { ListMembers, type CreateRoutine, type RequestPayload } from '@app/contracts';
import { MessagingClient, type Answer } from '@app/messaging';
import { compileCel } from '../actions/cel';
import { SendActionRunner } from '../actions/send-action.runner';
import { validateAction } from '../actions/validate-action';
import { routineView } from './routine-view';
import { RoutinesRepository } from './routines.repository';
import { checkSchedule } from './schedule';

/** Saves a routine once its filter, action and schedule are known to be usable; it has not run yet. */
@Injectable()
export class CreateRoutineUseCase {
  constructor(
    private readonly routines: RoutinesRepository,
    private readonly actions: SendActionRunner,
    private readonly messaging: MessagingClient,
  ) {}

  async execute(input: RequestPayload<typeof CreateRoutine>): Answer<typeof CreateRoutine> {
    const memberFilter = input.memberFilter.trim();
    compileCel(memberFilter, 'memberFilter');
    validateAction(input.action);
    const schedule = input.schedule?.trim() ? input.schedule.trim() : null;
    if (schedule) checkSchedule(schedule);
    const oncePer = input.oncePer?.trim() ? input.oncePer.trim() : null;
    if (oncePer) compileCel(oncePer, 'oncePer');
    await this.actions.assertSenderExists(input.workspaceId, input.action.phoneNumberId);
    // Preferences owns the member fields: it type-checks the filter (a misspelt field is refused now, not at run time).
    await this.messaging.request(ListMembers, {
      workspaceId: input.workspaceId,
      filter: memberFilter,
      limit: 1,
    });
    const routine = await this.routines.create({
      workspaceId: input.workspaceId,
      name: input.name,
      memberFilter,
      action: input.action,
      schedule,
      oncePer,
    });
    return routineView(routine, null);
  }
}
