import { Injectable, Logger } from '@nestjs/common';
import { Id, type OutboundMessageUpdated } from '@app/contracts';
import { actionResultOf, followSend } from '@app/rules';
import { describeTwilioError } from '@app/twilio';
import type { FollowedFrom, FollowedSend } from '../actions/follow-send';
import { ActionRunsRepository } from '../rules/action-runs.repository';
import { RoutineRunsRepository } from '../routines/routine-runs.repository';

/**
 * Keeps run logs truthful: a rule's or routine's result follows the send it made, from
 * `accepted` to `sent` once outbound handed it to Twilio, to `undelivered` (Twilio's code and the
 * human reason) when a status callback reports a failure. Updates come late, twice and out of
 * order; only a forward move of the send's status changes the result.
 */
@Injectable()
export class FollowSendUseCase {
  private readonly logger = new Logger('FollowSend');

  constructor(
    private readonly ruleRuns: ActionRunsRepository,
    private readonly routineRuns: RoutineRunsRepository,
  ) {}

  async execute(update: OutboundMessageUpdated): Promise<void> {
    if (update.origin.service !== 'workflow' || !update.origin.ref) return;
    const [kind, runId] = update.origin.ref.split(':');
    if (!runId || !Id.safeParse(runId).success) return;
    const next = (current: FollowedFrom) => movedBy(update, current);
    let found = false;
    if (kind === 'rule-run') found = await this.ruleRuns.follow(update.workspaceId, runId, next);
    else if (kind === 'routine-run' && update.memberId)
      found = await this.routineRuns.followItem(update.workspaceId, runId, update.memberId, next);
    else return;
    if (!found) this.logger.debug(`Send ${update.sendId} names ${update.origin.ref}, which is gone`);
  }
}

/**
 * A send update no run follows, told from its header hints alone (OutboundMessageUpdated's
 * `hints`): another sender's send, or a workflow send of a turn. Without hints (an older
 * publisher) it is not known, and the update is read.
 */
export const followsNoRun = (hints: { originService?: string; originRefKind?: string }): boolean =>
  hints.originService !== undefined &&
  (hints.originService !== 'workflow' ||
    (hints.originRefKind !== 'rule-run' && hints.originRefKind !== 'routine-run'));

/** The result a send update gives, or null when it moves nothing. */
export function movedBy(
  update: Pick<OutboundMessageUpdated, 'status' | 'twilioSid' | 'reason' | 'errorCode' | 'sendId'>,
  current: FollowedFrom,
): FollowedSend | null {
  const sendStatus = followSend(current.sendStatus, update.status);
  if (sendStatus === current.sendStatus && current.status !== 'pending') return null;
  // The winning status is this update's (a forward move), so its SID and error are the ones to keep.
  const status = actionResultOf(sendStatus, update.twilioSid !== null);
  const problem = status === 'skipped' || status === 'failed' || status === 'undelivered';
  return {
    status,
    reason: problem ? (update.reason ?? describeTwilioError(update.errorCode)) : null,
    sendStatus,
    errorCode: problem ? update.errorCode : null,
    sendId: update.sendId,
  };
}
