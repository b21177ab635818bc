import { Injectable } from '@nestjs/common';
import { AppError, GetWorkflow, type PhoneNumber } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { findOneRow, found, InjectRepository } from '@app/persistence';
import type { Repository } from 'typeorm';
import { PhoneNumberEntity, toPhoneNumber } from './phone-number.entity';

/** The phone_numbers table, for the use cases of a workspace's numbers: every read is scoped to the workspace. */
@Injectable()
export class PhoneNumberStore {
  constructor(
    @InjectRepository(PhoneNumberEntity) readonly rows: Repository<PhoneNumberEntity>,
    private readonly messaging: MessagingClient,
  ) {}

  /** The number, or not_found (also when it is another workspace's). */
  async load(workspaceId: string, phoneNumberId: string): Promise<PhoneNumberEntity> {
    const where = { id: phoneNumberId, workspaceId };
    return found(await findOneRow(this.rows.manager, PhoneNumberEntity, where), 'Phone number');
  }

  async get(workspaceId: string, phoneNumberId: string): Promise<PhoneNumber> {
    return toPhoneNumber(await this.load(workspaceId, phoneNumberId));
  }

  /**
   * A default workflow must be one of the workspace's. The workflow service answers; when it is
   * not running the setting is accepted (an unknown workflow is then skipped, and logged, per turn).
   */
  async assertWorkflowExists(workspaceId: string, workflowId: string | null | undefined): Promise<void> {
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
}
