import { Injectable, Logger } from '@nestjs/common';
import { GetMember, nullIfNotFound, type Member, type WorkspaceEventPublished } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { ActionRunsRepository } from '../rules/action-runs.repository';
import { ConditionError, evaluateCondition } from '../actions/cel';
import { failed, skipped } from '../actions/action-outcome';
import { memberView } from '../actions/member-view';
import { SendActionRunner } from '../actions/send-action.runner';
import { ScheduledEventsRepository } from './scheduled-events.repository';
import { EventRulesRepository, type EventRule } from '../rules/event-rules.repository';

export const NO_MEMBER_REASON = 'The event names no member to send to.';

/**
 * Runs every enabled rule an event triggers. Each (rule, event) gets one run row before its
 * action runs, so a redelivered event finishes what a crash interrupted and repeats nothing.
 */
@Injectable()
export class HandleEventUseCase {
  private readonly logger = new Logger('HandleEvent');

  constructor(
    private readonly rules: EventRulesRepository,
    private readonly runs: ActionRunsRepository,
    private readonly actions: SendActionRunner,
    private readonly messaging: MessagingClient,
    private readonly events: ScheduledEventsRepository,
  ) {}

  async execute(event: WorkspaceEventPublished): Promise<void> {
    // Listed with GET /v1/events (status fired), whoever published it.
    await this.events.recordFired(event);
    const rules = await this.rules.matching(event.workspaceId, event.type);
    if (!rules.length) return;
    const member = event.memberId ? await this.member(event.workspaceId, event.memberId) : null;
    // One rule's neighbour being down must not hold back the others; the retry redoes only what is unsettled.
    const results = await Promise.allSettled(rules.map((rule) => this.runRule(rule, event, member)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private async runRule(
    rule: EventRule,
    event: WorkspaceEventPublished,
    member: Member | null,
  ): Promise<void> {
    if (rule.condition) {
      let matches: boolean;
      try {
        matches = evaluateCondition(rule.condition, {
          event: { id: event.eventId, type: event.type, data: event.data, occurred_at: event.occurredAt },
          member: member ? memberView(member) : null,
        });
      } catch (error) {
        if (!(error instanceof ConditionError)) throw error;
        const run = await this.runs.open({
          workspaceId: event.workspaceId,
          ruleId: rule.id,
          eventId: event.eventId,
          memberId: event.memberId,
        });
        await this.runs.settle(event.workspaceId, run.id, failed(error.message));
        return;
      }
      if (!matches) return;
    }

    const run = await this.runs.open({
      workspaceId: event.workspaceId,
      ruleId: rule.id,
      eventId: event.eventId,
      memberId: event.memberId,
    });
    if (run.status !== 'pending') return;
    if (!event.memberId) {
      await this.runs.settle(event.workspaceId, run.id, skipped(NO_MEMBER_REASON));
      return;
    }
    const outcome = await this.actions.run({
      workspaceId: event.workspaceId,
      action: rule.action,
      memberId: event.memberId,
      member: member ?? undefined,
      idempotencyKey: `rule:${rule.id}:${event.eventId}`,
      originRef: `rule-run:${run.id}`,
      event: { type: event.type, data: event.data },
    });
    await this.runs.settle(event.workspaceId, run.id, outcome);
    this.logger.log(`Rule ${rule.id} ran for event ${event.eventId}: ${outcome.status}`);
  }

  private async member(workspaceId: string, memberId: string): Promise<Member | null> {
    return nullIfNotFound(
      this.messaging.request(GetMember, { workspaceId, memberId }, { timeoutMs: 10_000 }),
    );
  }
}
