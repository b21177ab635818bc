import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError, type CreatePhoneNumber, type RequestPayload } from '@app/contracts';
import type { Answer } from '@app/messaging';
import { DEFAULT_INACTIVITY_CLOSE_AFTER } from '@app/rules';
import { SERVICE_CONFIG } from '@app/runtime';
import type { RoutingConfig } from '../config';
import { WorkspaceStore } from '../workspaces/workspace-store';
import { AccountNumbers } from './account-numbers';
import { PhoneNumberStore } from './phone-number-store';
import {
  assertValidSettings,
  assertWhatsappAllowed,
  editedKeywordSettings,
  inactivitySeconds,
  normaliseE164,
} from './phone-number-rules';

/** A Twilio number of the account joins a workspace, with its channel settings checked. */
@Injectable()
export class CreatePhoneNumberUseCase {
  constructor(
    private readonly numbers: PhoneNumberStore,
    private readonly workspaces: WorkspaceStore,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
    private readonly account: AccountNumbers,
  ) {}

  async execute(request: RequestPayload<typeof CreatePhoneNumber>): Answer<typeof CreatePhoneNumber> {
    const number = normaliseE164(request.number);
    const workspace = await this.workspaces.load(request.workspaceId);
    assertValidSettings(request, this.config.MAX_SEND_RATE_PER_SECOND);
    await this.assertNotAnotherWorkspaces(workspace.id, number, request.reassign === true);
    await this.account.assertInAccount(number);
    const keywords = editedKeywordSettings({ keywords: null, keywordReplies: null }, request);
    assertWhatsappAllowed(workspace, request.whatsappEnabled === true);
    await this.numbers.assertWorkflowExists(workspace.id, request.defaultWorkflowId);
    const id = randomUUID();
    // ON CONFLICT rather than catching the violation: the failed INSERT would be logged with its parameters (the number).
    const inserted: Array<{ id: string }> = await this.numbers.rows.query(
      `INSERT INTO phone_numbers (id, workspace_id, number, sms_enabled, whatsapp_enabled, whatsapp_sandbox, default_workflow_id,
                                  sms_disabled_message, brand_name, off_hours_message, business_hours, send_rate_per_second,
                                  keywords, keyword_replies, inactivity_close_after_seconds, whatsapp_sandbox_join_code,
                                  work_mode, handoff_timeout_seconds, holding_message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (number) WHERE NOT archived DO NOTHING
       RETURNING id`,
      [
        id,
        workspace.id,
        number,
        request.smsEnabled ?? true,
        request.whatsappEnabled ?? false,
        request.whatsappSandbox ?? false,
        request.defaultWorkflowId ?? null,
        request.smsDisabledMessage ?? null,
        request.brandName?.trim() ?? null,
        request.offHoursMessage ?? null,
        request.businessHours ? JSON.stringify(request.businessHours) : null,
        request.sendRatePerSecond ?? null,
        keywords.keywords ? JSON.stringify(keywords.keywords) : null,
        keywords.keywordReplies ? JSON.stringify(keywords.keywordReplies) : null,
        inactivitySeconds(request.inactivityCloseAfter ?? DEFAULT_INACTIVITY_CLOSE_AFTER),
        request.whatsappSandboxJoinCode ?? null,
        request.workMode ?? 'ai',
        request.handoffTimeoutSeconds ?? null,
        request.holdingMessage?.trim() || null,
      ],
    );
    if (inserted.length === 0) {
      throw new AppError(
        'conflict',
        'number: this Twilio number is already in use (a number belongs to one workspace; archive it there first).',
      );
    }
    return this.numbers.get(workspace.id, id);
  }

  /**
   * A number another workspace had (archived there) keeps reaching that workspace's members: it
   * moves only when the operator says so (`reassign`). One in use is refused by the insert.
   */
  private async assertNotAnotherWorkspaces(workspaceId: string, number: string, reassign: boolean) {
    if (reassign) return;
    const elsewhere: unknown[] = await this.numbers.rows.query(
      `SELECT 1 FROM phone_numbers WHERE number = $1 AND workspace_id <> $2 AND archived LIMIT 1`,
      [number, workspaceId],
    );
    if (elsewhere.length > 0)
      throw new AppError(
        'conflict',
        'number: another workspace had this Twilio number (archived there); only the operator can reassign it (reassign: true).',
      );
  }
}
