import { Injectable } from '@nestjs/common';
import type { MessageAccepted } from '@app/contracts';
import { WindowsRepository } from './windows.repository';

/** Projects accepted inbound WhatsApp messages into the member's 24-hour window. */
@Injectable()
export class RecordInboundUseCase {
  constructor(private readonly windows: WindowsRepository) {}

  async execute(message: MessageAccepted): Promise<boolean> {
    // Only WhatsApp has a customer-service window; SMS may be sent any time.
    if (message.channel !== 'whatsapp') return false;
    await this.windows.recordInbound({
      workspaceId: message.workspace.id,
      phoneNumberId: message.phoneNumber.id,
      memberId: message.member.id,
      channel: message.channel,
      memberPhone: message.from,
      receivedAt: new Date(message.receivedAt),
      twilioSid: message.twilioSid,
    });
    return true;
  }
}
