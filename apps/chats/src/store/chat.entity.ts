import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel } from '@app/contracts';

export type ChatStatus = 'open' | 'closed';

/** A conversation of one member with one number on one channel; one open per that tuple. */
@Entity({ name: 'chats' })
export class ChatEntity {
  @PrimaryColumn('uuid') id!: string;
  /** bigserial: TypeORM reads it as a string. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('uuid', { name: 'phone_number_id' }) phoneNumberId!: string;
  @Column('uuid', { name: 'member_id' }) memberId!: string;
  @Column('text') channel!: Channel;
  @Column('text') status!: ChatStatus;
  @Column('text', { name: 'opened_by' }) openedBy!: string;
  @Column('timestamptz', { name: 'last_message_at', nullable: true }) lastMessageAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}
