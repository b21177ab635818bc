import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@app/runtime';
import type { RoutingConfig } from '../config';
import { AccountNumbers } from './account-numbers';
import { randomUUID } from 'node:crypto';
import { findOneRow, InjectRepository, found } from '@app/persistence';
import { MessagingClient } from '@app/messaging';
import {
  AppError,
  GetWorkflow,
  type PhoneNumber,
  type RequestPayload,
  type CreatePhoneNumber,
  type UpdatePhoneNumber,
  type WorkspaceSummary,
} from '@app/contracts';
import { DEFAULT_INACTIVITY_CLOSE_AFTER, parseInactivityCloseAfter } from '@app/rules';
import type { Repository } from 'typeorm';
import { WorkspacesUseCase } from '../workspaces/workspaces.usecase';
import { toWorkspace } from '../workspaces/workspace.entity';
import { PhoneNumberEntity, toPhoneNumber } from './phone-number.entity';
import {
  assertValidSettings,
  assertWhatsappAllowed,
  editedKeywordSettings,
  normaliseE164,
} from './phone-number-rules';

type CreateRequest = RequestPayload<typeof CreatePhoneNumber>;
type Patch = RequestPayload<typeof UpdatePhoneNumber>['patch'];

/** A workspace's Twilio numbers: every read and write is scoped to the workspace. */
@Injectable()
export class PhoneNumbersUseCase {
  constructor(
    @InjectRepository(PhoneNumberEntity) private readonly numbers: Repository<PhoneNumberEntity>,
    private readonly workspaces: WorkspacesUseCase,
    private readonly messaging: MessagingClient,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
    private readonly account: AccountNumbers,
  ) {}

  async create(request: CreateRequest): Promise<PhoneNumber> {
    const number = normaliseE164(request.number);
    const workspace = await this.workspaces.load(request.workspaceId);
    assertValidSettings(request, this.config.MAX_SEND_RATE_PER_SECOND);
    await this.assertNotAnotherWorkspaces(workspace.id, number, request.reassign === true);
    await this.account.assertInAccount(number);
    const keywords = editedKeywordSettings({ keywords: null, keywordReplies: null }, request);
    assertWhatsappAllowed(workspace, request.whatsappEnabled === true);
    await this.assertWorkflowExists(workspace.id, request.defaultWorkflowId);
    const id = randomUUID();
    // ON CONFLICT rather than catching the violation: the failed INSERT would be logged with its parameters (the number).
    const inserted: Array<{ id: string }> = await this.numbers.query(
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
    return this.get(workspace.id, id);
  }

  async get(workspaceId: string, phoneNumberId: string): Promise<PhoneNumber> {
    return toPhoneNumber(await this.load(workspaceId, phoneNumberId));
  }

  async list(
    workspaceId: string,
    includeArchived: boolean,
  ): Promise<{ items: PhoneNumber[]; nextCursor: null }> {
    await this.workspaces.load(workspaceId);
    const rows = await this.numbers.find({
      where: includeArchived ? { workspaceId } : { workspaceId, archived: false },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { items: rows.map(toPhoneNumber), nextCursor: null };
  }

  async update(workspaceId: string, phoneNumberId: string, patch: Patch): Promise<PhoneNumber> {
    const entity = await this.load(workspaceId, phoneNumberId);
    assertValidSettings(patch, this.config.MAX_SEND_RATE_PER_SECOND);
    const { keywords, keywordReplies, inactivityCloseAfter, ...settings } = patch;
    const changes: Partial<PhoneNumberEntity> = editedKeywordSettings(entity, { keywords, keywordReplies });
    if (inactivityCloseAfter !== undefined)
      changes.inactivityCloseAfterSeconds = inactivitySeconds(inactivityCloseAfter);
    if (patch.whatsappEnabled === true && !entity.whatsappEnabled) {
      assertWhatsappAllowed(await this.workspaces.load(workspaceId), true);
    }
    await this.assertWorkflowExists(workspaceId, patch.defaultWorkflowId);
    for (const [key, value] of Object.entries(settings) as Array<[keyof Patch, unknown]>) {
      if (value !== undefined)
        (changes as Record<string, unknown>)[key] =
          key === 'brandName' && typeof value === 'string' ? value.trim() : value;
    }
    if (Object.keys(changes).length === 0) return toPhoneNumber(entity);
    await this.numbers.update({ id: entity.id, workspaceId }, changes);
    return this.get(workspaceId, phoneNumberId);
  }

  /** Idempotent: archiving an archived number returns it unchanged. */
  async archive(workspaceId: string, phoneNumberId: string): Promise<PhoneNumber> {
    const entity = await this.load(workspaceId, phoneNumberId);
    if (!entity.archived) await this.numbers.update({ id: entity.id, workspaceId }, { archived: true });
    return this.get(workspaceId, phoneNumberId);
  }

  /** A number with its workspace, for pre-send checks (archived numbers too: the caller decides). */
  async sender(
    workspaceId: string,
    phoneNumberId: string,
  ): Promise<{ workspace: WorkspaceSummary; phoneNumber: PhoneNumber; dailySendQuota: number | null }> {
    const [phoneNumber, workspace] = await Promise.all([
      this.get(workspaceId, phoneNumberId),
      this.workspaces.load(workspaceId),
    ]);
    const { id, name, features } = toWorkspace(workspace);
    return { workspace: { id, name, features }, phoneNumber, dailySendQuota: workspace.dailySendQuota };
  }

  /**
   * A default workflow must be one of the workspace's. The workflow service answers; when it is
   * not running the setting is accepted (an unknown workflow is then skipped, and logged, per turn).
   */
  private async assertWorkflowExists(
    workspaceId: string,
    workflowId: string | null | undefined,
  ): Promise<void> {
    if (!workflowId) return;
    try {
      await this.messaging.request(GetWorkflow, { workspaceId, workflowId });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        throw new AppError(
          'invalid_input',
          'defaultWorkflowId: this workspace has no workflow with that id.',
        );
      }
      if (!(error instanceof AppError && error.code === 'unavailable')) throw error;
    }
  }

  /**
   * A number another workspace had (archived there) keeps reaching that workspace's members: it
   * moves only when the operator says so (`reassign`). One in use is refused by the insert.
   */
  private async assertNotAnotherWorkspaces(workspaceId: string, number: string, reassign: boolean) {
    if (reassign) return;
    const elsewhere: unknown[] = await this.numbers.query(
      `SELECT 1 FROM phone_numbers WHERE number = $1 AND workspace_id <> $2 AND archived LIMIT 1`,
      [number, workspaceId],
    );
    if (elsewhere.length > 0)
      throw new AppError(
        'conflict',
        'number: another workspace had this Twilio number (archived there); only the operator can reassign it (reassign: true).',
      );
  }

  private async load(workspaceId: string, phoneNumberId: string): Promise<PhoneNumberEntity> {
    const entity = found(
      await findOneRow(this.numbers.manager, PhoneNumberEntity, {
        id: phoneNumberId,
        workspaceId,
      }),
      'Phone number',
    );
    return entity;
  }
}

/** Seconds of an inactivity setting the contract already validated. */
function inactivitySeconds(value: string): number {
  const parsed = parseInactivityCloseAfter(value);
  if ('error' in parsed) throw new AppError('invalid_input', `inactivityCloseAfter: ${parsed.error}`);
  return parsed.seconds;
}
