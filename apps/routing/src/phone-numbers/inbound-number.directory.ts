import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@app/persistence';
import type { PhoneNumber, WorkspaceSummary } from '@app/contracts';
import type { Repository } from 'typeorm';
import { PhoneNumberEntity, toPhoneNumber } from './phone-number.entity';

export type InboundNumber =
  | { found: true; phoneNumber: PhoneNumber; workspace: WorkspaceSummary }
  | { found: false; reason: 'unknown_number'; workspaceId?: undefined; phoneNumberId?: undefined }
  | { found: false; reason: 'archived_number'; workspaceId: string; phoneNumberId: string };

interface Row {
  id: string;
  workspace_id: string;
  number: string;
  sms_enabled: boolean;
  whatsapp_enabled: boolean;
  whatsapp_sandbox: boolean;
  default_workflow_id: string | null;
  sms_disabled_message: string | null;
  brand_name: string | null;
  off_hours_message: string | null;
  business_hours: PhoneNumber['businessHours'];
  send_rate_per_second: number | null;
  keywords: PhoneNumberEntity['keywords'];
  keyword_replies: PhoneNumberEntity['keywordReplies'];
  inactivity_close_after_seconds: number;
  whatsapp_sandbox_join_code: string | null;
  work_mode: PhoneNumberEntity['workMode'];
  handoff_timeout_seconds: number | null;
  holding_message: string | null;
  archived: boolean;
  created_at: Date;
  updated_at: Date;
  workspace_name: string;
  workspace_features: WorkspaceSummary['features'];
}

/**
 * The one look-up not scoped by a workspace id: an inbound message names only the Twilio number,
 * and an active number belongs to exactly one workspace (unique index), which this answers.
 */
@Injectable()
export class InboundNumberDirectory {
  constructor(@InjectRepository(PhoneNumberEntity) private readonly numbers: Repository<PhoneNumberEntity>) {}

  async findByNumber(number: string): Promise<InboundNumber> {
    const rows: Row[] = await this.numbers.query(
      `SELECT n.*, w.name AS workspace_name, w.features AS workspace_features
         FROM phone_numbers n JOIN workspaces w ON w.id = n.workspace_id
        WHERE n.number = $1
        ORDER BY n.archived ASC, n.updated_at DESC
        LIMIT 1`,
      [number],
    );
    const row = rows[0];
    if (!row) return { found: false, reason: 'unknown_number' };
    if (row.archived)
      return {
        found: false,
        reason: 'archived_number',
        workspaceId: row.workspace_id,
        phoneNumberId: row.id,
      };
    const entity = Object.assign(new PhoneNumberEntity(), {
      id: row.id,
      workspaceId: row.workspace_id,
      number: row.number,
      smsEnabled: row.sms_enabled,
      whatsappEnabled: row.whatsapp_enabled,
      whatsappSandbox: row.whatsapp_sandbox,
      defaultWorkflowId: row.default_workflow_id,
      smsDisabledMessage: row.sms_disabled_message,
      brandName: row.brand_name,
      offHoursMessage: row.off_hours_message,
      businessHours: row.business_hours,
      sendRatePerSecond: row.send_rate_per_second,
      keywords: row.keywords,
      keywordReplies: row.keyword_replies,
      inactivityCloseAfterSeconds: row.inactivity_close_after_seconds,
      whatsappSandboxJoinCode: row.whatsapp_sandbox_join_code,
      workMode: row.work_mode,
      handoffTimeoutSeconds: row.handoff_timeout_seconds,
      holdingMessage: row.holding_message,
      archived: row.archived,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
    return {
      found: true,
      phoneNumber: toPhoneNumber(entity),
      workspace: {
        id: row.workspace_id,
        name: row.workspace_name,
        features: [...row.workspace_features].sort(),
      },
    };
  }
}
