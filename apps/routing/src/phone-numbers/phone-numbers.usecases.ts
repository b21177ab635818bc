import { Injectable } from '@nestjs/common';
import type {
  ArchivePhoneNumber,
  GetPhoneNumber,
  GetSender,
  ListPhoneNumbers,
  RequestPayload,
} from '@app/contracts';
import type { Answer } from '@app/messaging';
import { WorkspaceStore } from '../workspaces/workspace-store';
import { toWorkspace } from '../workspaces/workspace.entity';
import { toPhoneNumber } from './phone-number.entity';
import { PhoneNumberStore } from './phone-number-store';

@Injectable()
export class GetPhoneNumberUseCase {
  constructor(private readonly numbers: PhoneNumberStore) {}

  execute(request: RequestPayload<typeof GetPhoneNumber>): Answer<typeof GetPhoneNumber> {
    return this.numbers.get(request.workspaceId, request.phoneNumberId);
  }
}

/** A workspace's numbers, oldest first (archived ones only when asked). */
@Injectable()
export class ListPhoneNumbersUseCase {
  constructor(
    private readonly numbers: PhoneNumberStore,
    private readonly workspaces: WorkspaceStore,
  ) {}

  async execute(request: RequestPayload<typeof ListPhoneNumbers>): Answer<typeof ListPhoneNumbers> {
    await this.workspaces.load(request.workspaceId);
    const rows = await this.numbers.rows.find({
      where: request.includeArchived
        ? { workspaceId: request.workspaceId }
        : { workspaceId: request.workspaceId, archived: false },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { items: rows.map(toPhoneNumber), nextCursor: null };
  }
}

/** Idempotent: archiving an archived number returns it unchanged. */
@Injectable()
export class ArchivePhoneNumberUseCase {
  constructor(private readonly numbers: PhoneNumberStore) {}

  async execute(request: RequestPayload<typeof ArchivePhoneNumber>): Answer<typeof ArchivePhoneNumber> {
    const entity = await this.numbers.load(request.workspaceId, request.phoneNumberId);
    if (!entity.archived)
      await this.numbers.rows.update({ id: entity.id, workspaceId: request.workspaceId }, { archived: true });
    return this.numbers.get(request.workspaceId, request.phoneNumberId);
  }
}

/** A number with its workspace, for pre-send checks (archived numbers too: the caller decides). */
@Injectable()
export class GetSenderUseCase {
  constructor(
    private readonly numbers: PhoneNumberStore,
    private readonly workspaces: WorkspaceStore,
  ) {}

  async execute(request: RequestPayload<typeof GetSender>): Answer<typeof GetSender> {
    const [phoneNumber, workspace] = await Promise.all([
      this.numbers.get(request.workspaceId, request.phoneNumberId),
      this.workspaces.load(request.workspaceId),
    ]);
    const { id, name, features } = toWorkspace(workspace);
    return { workspace: { id, name, features }, phoneNumber, dailySendQuota: workspace.dailySendQuota };
  }
}
