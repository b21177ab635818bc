import { Injectable } from '@nestjs/common';
import { CheckSend } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { Turn } from '../turn/turn';

/**
 * Asks preferences, right before a turn sends, whether the member may still get this kind of
 * message: a STOP that arrived while the model was thinking stops the reply.
 */
@Injectable()
export class MemberReachability {
  constructor(private readonly messaging: MessagingClient) {}

  async check(turn: Turn): Promise<{ allowed: true } | { allowed: false; reason: string }> {
    const answer = await this.messaging.request(CheckSend, {
      workspaceId: turn.workspace.id,
      memberId: turn.member.id,
      channel: turn.channel,
      kind: turn.sendKind,
    });
    return answer.allowed ? { allowed: true } : { allowed: false, reason: answer.reason };
  }
}
