import { Injectable } from '@nestjs/common';
import type { GetConversationWindows, RequestPayload } from '@app/contracts';
import type { Answer } from '@app/messaging';
import { isWindowOpen, windowExpiresAt } from '@app/rules';
import { WindowsRepository } from './windows.repository';

/** A member's windows per number and channel, with when each closes and whether it is open now. */
@Injectable()
export class ListWindowsUseCase {
  constructor(private readonly windows: WindowsRepository) {}

  async execute(
    { workspaceId, memberId }: RequestPayload<typeof GetConversationWindows>,
    now = new Date(),
  ): Answer<typeof GetConversationWindows> {
    const rows = await this.windows.listForMember(workspaceId, memberId);
    return {
      items: rows.map((w) => ({
        phoneNumberId: w.phoneNumberId,
        memberId: w.memberId,
        channel: w.channel,
        lastInboundAt: w.lastInboundAt.toISOString(),
        expiresAt: windowExpiresAt(w.lastInboundAt).toISOString(),
        open: isWindowOpen(w.lastInboundAt, now),
      })),
    };
  }
}
