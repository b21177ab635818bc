import { Injectable } from '@nestjs/common';
import { type GetSendRecord, type RequestPayload } from '@app/contracts';
import type { Answer } from '@app/messaging';
import { found } from '@app/persistence';
import { SendsRepository } from './sends.repository';

/** One send as the API shows it. */
@Injectable()
export class GetSendRecordUseCase {
  constructor(private readonly sends: SendsRepository) {}

  async execute({ workspaceId, sendId }: RequestPayload<typeof GetSendRecord>): Answer<typeof GetSendRecord> {
    const send = found(await this.sends.findById(workspaceId, sendId), 'Message');
    return {
      id: send.id,
      status: send.status,
      reason: send.reason,
      idempotencyKey: send.idempotencyKey,
      phoneNumberId: send.phoneNumberId,
      memberId: send.memberId,
      channel: send.channel,
      body: send.body,
      mediaUrls: send.mediaUrls,
      ...(send.interactive ? { interactive: send.interactive } : {}),
      contentSid: send.contentSid,
      errorCode: send.errorCode,
      twilioSid: send.twilioSid,
      createdAt: send.createdAt.toISOString(),
      updatedAt: send.updatedAt.toISOString(),
    };
  }
}
