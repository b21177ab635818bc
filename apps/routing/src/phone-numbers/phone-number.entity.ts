import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { WorkspaceRow } from '@app/persistence';
import { noKeywordReplies, type BusinessHours, type PhoneNumber } from '@app/contracts';
import {
  defaultKeywordLists,
  formatInactivityCloseAfter,
  type KeywordLists,
  type WorkMode,
} from '@app/rules';

/** A Twilio number of a workspace and its channel settings. `number` is unique among active numbers. */
@Entity({ name: 'phone_numbers' })
export class PhoneNumberEntity extends WorkspaceRow {
  @Column('text') number!: string;
  @Column('boolean', { name: 'sms_enabled' }) smsEnabled!: boolean;
  @Column('boolean', { name: 'whatsapp_enabled' }) whatsappEnabled!: boolean;
  @Column('boolean', { name: 'whatsapp_sandbox' }) whatsappSandbox!: boolean;
  @Column('uuid', { name: 'default_workflow_id', nullable: true }) defaultWorkflowId!: string | null;
  @Column('text', { name: 'sms_disabled_message', nullable: true }) smsDisabledMessage!: string | null;
  @Column('text', { name: 'brand_name', nullable: true }) brandName!: string | null;
  @Column('text', { name: 'off_hours_message', nullable: true }) offHoursMessage!: string | null;
  @Column('jsonb', { name: 'business_hours', nullable: true }) businessHours!: BusinessHours | null;
  @Column('double precision', { name: 'send_rate_per_second', nullable: true }) sendRatePerSecond!:
    number | null;
  /** Null: the default lists. */
  @Column('jsonb', { nullable: true }) keywords!: KeywordLists | null;
  /** Null, or a null text: the default reply naming the brand. */
  @Column('jsonb', { name: 'keyword_replies', nullable: true }) keywordReplies!:
    PhoneNumber['keywordReplies'] | null;
  @Column('integer', { name: 'inactivity_close_after_seconds' }) inactivityCloseAfterSeconds!: number;
  @Column('text', { name: 'whatsapp_sandbox_join_code', nullable: true }) whatsappSandboxJoinCode!:
    string | null;
  @Column('text', { name: 'work_mode' }) workMode!: WorkMode;
  @Column('integer', { name: 'handoff_timeout_seconds', nullable: true }) handoffTimeoutSeconds!:
    number | null;
  @Column('text', { name: 'holding_message', nullable: true }) holdingMessage!: string | null;
  @Column('boolean') archived!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export function toPhoneNumber(e: PhoneNumberEntity): PhoneNumber {
  return {
    id: e.id,
    workspaceId: e.workspaceId,
    number: e.number,
    smsEnabled: e.smsEnabled,
    whatsappEnabled: e.whatsappEnabled,
    whatsappSandbox: e.whatsappSandbox,
    whatsappSandboxJoinCode: e.whatsappSandboxJoinCode,
    defaultWorkflowId: e.defaultWorkflowId,
    smsDisabledMessage: e.smsDisabledMessage,
    brandName: e.brandName,
    offHoursMessage: e.offHoursMessage,
    businessHours: e.businessHours,
    sendRatePerSecond: e.sendRatePerSecond,
    keywords: e.keywords
      ? { optOut: [...e.keywords.optOut], optIn: [...e.keywords.optIn], help: [...e.keywords.help] }
      : defaultKeywordLists(),
    keywordReplies: { ...noKeywordReplies(), ...e.keywordReplies },
    inactivityCloseAfter: formatInactivityCloseAfter(e.inactivityCloseAfterSeconds),
    workMode: e.workMode,
    handoffTimeoutSeconds: e.handoffTimeoutSeconds,
    holdingMessage: e.holdingMessage,
    archived: e.archived,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
