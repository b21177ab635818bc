import { Controller } from '@nestjs/common';
import { OutboundMessageUpdated } from '@app/contracts';
import { consume, HandOver } from '@app/messaging';
import { FollowSendUseCase, followsNoRun } from './follow-send.usecase';

/** outbound's send updates: run results follow their sends (the others are skipped unread). */
@Controller()
export class DeliveryHandlers extends HandOver(
  consume(OutboundMessageUpdated, FollowSendUseCase, { skip: followsNoRun }),
) {}
