import { Inject, Injectable } from '@nestjs/common';
import type { RequestPayload, UpdatePhoneNumber } from '@app/contracts';
import type { Answer } from '@app/messaging';
import { SERVICE_CONFIG } from '@app/runtime';
import type { RoutingConfig } from '../config';
import { WorkspaceStore } from '../workspaces/workspace-store';
import { toPhoneNumber, type PhoneNumberEntity } from './phone-number.entity';
import { PhoneNumberStore } from './phone-number-store';
import {
  assertValidSettings,
  assertWhatsappAllowed,
  editedKeywordSettings,
  inactivitySeconds,
} from './phone-number-rules';

type Patch = RequestPayload<typeof UpdatePhoneNumber>['patch'];

/** Changes a number's settings, checked as when it was created; a field left out stays as it was. */
@Injectable()
export class UpdatePhoneNumberUseCase {
  constructor(
    private readonly numbers: PhoneNumberStore,
    private readonly workspaces: WorkspaceStore,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
  ) {}

  async execute({
    workspaceId,
    phoneNumberId,
    patch,
  }: RequestPayload<typeof UpdatePhoneNumber>): Answer<typeof UpdatePhoneNumber> {
    const entity = await this.numbers.load(workspaceId, phoneNumberId);
    assertValidSettings(patch, this.config.MAX_SEND_RATE_PER_SECOND);
    const { keywords, keywordReplies, inactivityCloseAfter, ...settings } = patch;
    const changes: Partial<PhoneNumberEntity> = editedKeywordSettings(entity, { keywords, keywordReplies });
    if (inactivityCloseAfter !== undefined)
      changes.inactivityCloseAfterSeconds = inactivitySeconds(inactivityCloseAfter);
    if (patch.whatsappEnabled === true && !entity.whatsappEnabled) {
      assertWhatsappAllowed(await this.workspaces.load(workspaceId), true);
    }
    await this.numbers.assertWorkflowExists(workspaceId, patch.defaultWorkflowId);
    for (const [key, value] of Object.entries(settings) as Array<[keyof Patch, unknown]>) {
      if (value !== undefined)
        (changes as Record<string, unknown>)[key] =
          key === 'brandName' && typeof value === 'string' ? value.trim() : value;
    }
    if (Object.keys(changes).length === 0) return toPhoneNumber(entity);
    await this.numbers.rows.update({ id: entity.id, workspaceId }, changes);
    return this.numbers.get(workspaceId, phoneNumberId);
  }
}
