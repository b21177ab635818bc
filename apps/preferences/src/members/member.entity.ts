import { Column, Entity } from 'typeorm';
import { WorkspaceRow } from '@app/persistence';
import type { Channel } from '@app/contracts';

/** A person a workspace talks to, with their notification switches and opt-out state. */
@Entity({ name: 'members' })
export class MemberEntity extends WorkspaceRow {
  @Column('text', { name: 'first_name', nullable: true }) firstName!: string | null;
  @Column('text', { name: 'last_name', nullable: true }) lastName!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('boolean', { name: 'notify_sms' }) notifySms!: boolean;
  @Column('boolean', { name: 'notify_email' }) notifyEmail!: boolean;
  @Column('boolean', { name: 'notify_voice' }) notifyVoice!: boolean;
  @Column('boolean', { name: 'notify_whatsapp' }) notifyWhatsapp!: boolean;
  @Column('boolean', { name: 'opted_out' }) optedOut!: boolean;
  @Column('timestamptz', { name: 'opted_out_at', nullable: true }) optedOutAt!: Date | null;
  @Column('text', { name: 'opted_out_channel', nullable: true }) optedOutChannel!: Channel | null;
  /** Position of the last STOP/START applied (`SourcePosition` in `@app/rules`); null before any. */
  @Column('timestamptz', { name: 'opt_out_source_at', nullable: true }) optOutSourceAt!: Date | null;
  /** bigint: TypeORM reads it as a string. */
  @Column('bigint', { name: 'opt_out_source_seq', nullable: true }) optOutSourceSeq!: string | null;
  @Column('jsonb', { default: () => "'{}'::jsonb" }) attributes!: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
