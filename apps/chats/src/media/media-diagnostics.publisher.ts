import { Injectable } from '@nestjs/common';
import { diagnosticMsgId, DiagnosticRecorded, type Media, type MessageAccepted } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { mediaRefusalReason } from '@app/rules';
import { maskPhone } from '@app/twilio';

/**
 * Each file of a stored message that was not kept (too large, a type we do not keep, a failed
 * download) becomes a diagnostics record. Published on every delivery: the msgId
 * (`media:<sid>:<index>`) de-duplicates, so a crash between commit and publish loses nothing.
 */
@Injectable()
export class MediaDiagnosticsPublisher {
  constructor(private readonly messaging: MessagingClient) {}

  async publish(accepted: MessageAccepted, stored: { chatId: string; media: Media[] }): Promise<void> {
    for (const [index, media] of stored.media.entries()) {
      if (!media.refused) continue;
      const record: DiagnosticRecorded = {
        key: `media:${accepted.twilioSid}:${index}`,
        workspaceId: accepted.workspace.id,
        kind: 'media_refused',
        code: media.refused.code,
        reason: mediaRefusalReason(media.refused),
        channel: accepted.channel,
        address: maskPhone(accepted.from),
        links: {
          phoneNumberId: accepted.phoneNumber.id,
          memberId: accepted.member.id,
          chatId: stored.chatId,
          messageSid: accepted.twilioSid,
          sendId: null,
          ruleRunId: null,
          routineRunId: null,
        },
        occurredAt: accepted.receivedAt,
      };
      await this.messaging.publish(DiagnosticRecorded, record, { msgId: diagnosticMsgId(record) });
    }
  }
}
