import { Injectable } from '@nestjs/common';
import { AppError, type GetSendRecord, type ResponsePayload } from '@app/contracts';
import { SendsRepository } from './sends.repository';

/** One send as the API shows it. */
@Injectable()
export class GetSendRecordUseCase {
  constructor(private readonly sends: SendsRepository) {}

  async execute(workspaceId: string, sendId: string): Promise<ResponsePayload<typeof GetSendRecord>> {
    const send = await this.sends.findById(workspaceId, sendId);
    if (!send) throw AppError.notFound('Message');
    return {
      id: send.id,
      status: send.status,
      reason: send.reason,
      idempotencyKey: send.idempotencyKey,
      phoneNumberId: send.phoneNumberId,
      memberId: send.memberId,
      channel: send.channel,
      body: send.body,
      contentSid: send.contentSid,
      errorCode: send.errorCode,
      twilioSid: send.twilioSid,
      createdAt: send.createdAt.toISOString(),
      updatedAt: send.updatedAt.toISOString(),
    };
  }
}
