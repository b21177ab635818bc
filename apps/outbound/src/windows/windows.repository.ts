import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@app/persistence';
import type { Channel } from '@app/contracts';
import type { Repository } from 'typeorm';
import { ConversationWindowEntity } from './conversation-window.entity';

export interface InboundSeen {
  workspaceId: string;
  phoneNumberId: string;
  memberId: string;
  channel: Channel;
  memberPhone: string;
  receivedAt: Date;
  twilioSid: string;
}

/** Every method takes the workspace id: a window is never read across workspaces. */
@Injectable()
export class WindowsRepository {
  constructor(
    @InjectRepository(ConversationWindowEntity)
    private readonly windows: Repository<ConversationWindowEntity>,
  ) {}

  /** Keeps the latest inbound time: a redelivered or out-of-order older message changes nothing. */
  async recordInbound(seen: InboundSeen): Promise<void> {
    await this.windows.query(
      `INSERT INTO conversation_windows (workspace_id, phone_number_id, member_id, channel, member_phone, last_inbound_at, last_twilio_sid)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workspace_id, phone_number_id, member_id, channel) DO UPDATE
         SET last_inbound_at = EXCLUDED.last_inbound_at, last_twilio_sid = EXCLUDED.last_twilio_sid,
             member_phone = EXCLUDED.member_phone, updated_at = now()
         WHERE conversation_windows.last_inbound_at < EXCLUDED.last_inbound_at`,
      [
        seen.workspaceId,
        seen.phoneNumberId,
        seen.memberId,
        seen.channel,
        seen.memberPhone,
        seen.receivedAt,
        seen.twilioSid,
      ],
    );
  }

  /** The last inbound time for a member (by id, or by phone for sends addressed to a number). */
  async lastInbound(
    workspaceId: string,
    phoneNumberId: string,
    channel: Channel,
    who: { memberId?: string; phone?: string },
  ): Promise<Date | null> {
    if (!who.memberId && !who.phone) return null;
    const where = who.memberId
      ? { workspaceId, phoneNumberId, channel, memberId: who.memberId }
      : { workspaceId, phoneNumberId, channel, memberPhone: who.phone };
    const rows = await this.windows.find({ where, order: { lastInboundAt: 'DESC' }, take: 1 });
    return rows[0]?.lastInboundAt ?? null;
  }

  listForMember(workspaceId: string, memberId: string): Promise<ConversationWindowEntity[]> {
    return this.windows.find({ where: { workspaceId, memberId }, order: { lastInboundAt: 'DESC' } });
  }
}
