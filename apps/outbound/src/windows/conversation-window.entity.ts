import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Channel } from '@app/contracts';

/** The time of a member's last inbound message per number and channel (a projection of accepted inbound messages). */
@Entity({ name: 'conversation_windows' })
export class ConversationWindowEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @PrimaryColumn('uuid', { name: 'phone_number_id' }) phoneNumberId!: string;
  @PrimaryColumn('uuid', { name: 'member_id' }) memberId!: string;
  @PrimaryColumn('text') channel!: Channel;
  @Column('text', { name: 'member_phone' }) memberPhone!: string;
  @Column('timestamptz', { name: 'last_inbound_at' }) lastInboundAt!: Date;
  @Column('text', { name: 'last_twilio_sid' }) lastTwilioSid!: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
