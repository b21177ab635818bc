import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { WorkspaceRow } from '@app/persistence';
import type { Channel, Interactive, SendKind, SendStatus } from '@app/contracts';

/** One send request and what became of it: unique per workspace and idempotency key. */
@Entity({ name: 'sends' })
export class SendEntity extends WorkspaceRow {
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
  @Column('uuid', { name: 'phone_number_id' }) phoneNumberId!: string;
  @Column('uuid', { name: 'member_id', nullable: true }) memberId!: string | null;
  /** The address given instead of a member, or the member's phone once known. */
  @Column('text', { name: 'to_phone', nullable: true }) toPhone!: string | null;
  @Column('uuid', { name: 'chat_id', nullable: true }) chatId!: string | null;
  @Column('text') channel!: Channel;
  @Column('text') kind!: SendKind;
  @Column('text', { name: 'origin_service' }) originService!: string;
  @Column('text', { name: 'origin_ref', nullable: true }) originRef!: string | null;
  @Column('text', { nullable: true }) body!: string | null;
  @Column('jsonb', { name: 'media_urls' }) mediaUrls!: string[];
  @Column('jsonb', { nullable: true }) interactive!: Interactive | null;
  @Column('text', { name: 'content_sid', nullable: true }) contentSid!: string | null;
  @Column('jsonb', { name: 'content_variables', nullable: true }) contentVariables!: Record<
    string,
    string
  > | null;
  @Column('text') status!: SendStatus;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { name: 'error_code', nullable: true }) errorCode!: string | null;
  @Column('text', { name: 'error_message', nullable: true }) errorMessage!: string | null;
  @Column('text', { name: 'twilio_sid', nullable: true }) twilioSid!: string | null;
  @Column('text', { name: 'from_address', nullable: true }) fromAddress!: string | null;
  @Column('text', { name: 'to_address', nullable: true }) toAddress!: string | null;
  @Column('timestamptz', { name: 'claimed_at', nullable: true }) claimedAt!: Date | null;
  @Column('uuid', { name: 'claim_token', nullable: true }) claimToken!: string | null;
  /** The sender's rate slot this send booked while it waits outside the consumer (DeliverSendUseCase). */
  @Column('timestamptz', { name: 'rate_slot_at', nullable: true }) rateSlotAt!: Date | null;
  @Column('integer') attempts!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
