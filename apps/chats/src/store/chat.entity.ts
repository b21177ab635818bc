import { Column, Entity } from 'typeorm';
import { WorkspaceRow } from '@app/persistence';
import type { Channel, ChatClosedReason } from '@app/contracts';

export type ChatStatus = 'open' | 'closed';

/** A conversation of one member with one number on one channel; one open per that tuple. */
@Entity({ name: 'chats' })
export class ChatEntity extends WorkspaceRow {
  /** bigserial: TypeORM reads it as a string. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid', { name: 'phone_number_id' }) phoneNumberId!: string;
  @Column('uuid', { name: 'member_id' }) memberId!: string;
  @Column('text') channel!: Channel;
  @Column('text') status!: ChatStatus;
  @Column('text', { name: 'opened_by' }) openedBy!: string;
  @Column('timestamptz', { name: 'last_message_at', nullable: true }) lastMessageAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('text', { name: 'held_by', nullable: true }) heldBy!: string | null;
  @Column('text', { name: 'held_by_name', nullable: true }) heldByName!: string | null;
  @Column('timestamptz', { name: 'held_since', nullable: true }) heldSince!: Date | null;
  @Column('timestamptz', { name: 'waiting_since', nullable: true }) waitingSince!: Date | null;
  @Column('text', { name: 'handoff_reason', nullable: true }) handoffReason!: string | null;
  @Column('text', { name: 'assigned_to', nullable: true }) assignedTo!: string | null;
  @Column('text', { name: 'assigned_to_name', nullable: true }) assignedToName!: string | null;
  @Column('integer', { name: 'unread_count' }) unreadCount!: number;
  @Column('timestamptz', { name: 'holding_due_at', nullable: true }) holdingDueAt!: Date | null;
  @Column('text', { name: 'holding_message', nullable: true }) holdingMessage!: string | null;
  @Column('timestamptz', { name: 'holding_sent_at', nullable: true }) holdingSentAt!: Date | null;
  @Column('integer', { name: 'close_after_seconds' }) closeAfterSeconds!: number;
  /** When the open chat closes unless a message comes first. */
  @Column('timestamptz', { name: 'closes_at', nullable: true }) closesAt!: Date | null;
  @Column('text', { name: 'closed_reason', nullable: true }) closedReason!: ChatClosedReason | null;
  /** The chat.closed outbox: null until the event is published. */
  @Column('timestamptz', { name: 'close_published_at', nullable: true }) closePublishedAt!: Date | null;
}
