import { Column, Entity } from 'typeorm';
import { WorkspaceRow } from '@app/persistence';
import type { Choice, Interactive, Media, MessageStatus } from '@app/contracts';

export type Direction = 'inbound' | 'outbound';

/** One message of a chat: inbound (unique by Twilio SID) or outbound (unique by outbound's send id). */
@Entity({ name: 'chat_messages' })
export class ChatMessageEntity extends WorkspaceRow {
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid', { name: 'chat_id' }) chatId!: string;
  @Column('text') direction!: Direction;
  @Column('text', { nullable: true }) body!: string | null;
  @Column('text', { name: 'content_sid', nullable: true }) contentSid!: string | null;
  @Column('jsonb') media!: Media[];
  @Column('jsonb', { nullable: true }) choice!: Choice | null;
  @Column('jsonb', { nullable: true }) interactive!: Interactive | null;
  @Column('text') status!: MessageStatus;
  @Column('text', { name: 'error_code', nullable: true }) errorCode!: string | null;
  @Column('text', { name: 'error_reason', nullable: true }) errorReason!: string | null;
  @Column('text', { name: 'twilio_sid', nullable: true }) twilioSid!: string | null;
  @Column('uuid', { name: 'send_id', nullable: true }) sendId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
