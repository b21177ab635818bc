import { Injectable } from '@nestjs/common';
import { AppError, type ChangeSource } from '@app/contracts';
import { MembersRepository } from './members.repository';

export interface PreferenceChangeView {
  id: string;
  memberId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  source: ChangeSource;
  changedAt: string;
}

/** A member's preference audit trail, newest first, paged by insertion order. */
@Injectable()
export class ListChangesUseCase {
  constructor(private readonly members: MembersRepository) {}

  async execute(
    workspaceId: string,
    memberId: string,
    limit: number,
    cursor: string | null,
  ): Promise<{ items: PreferenceChangeView[]; nextCursor: string | null }> {
    if (cursor !== null && !/^\d{1,19}$/.test(cursor))
      throw new AppError('invalid_input', 'cursor: not a cursor from an earlier page.');
    if (!(await this.members.findById(workspaceId, memberId))) throw AppError.notFound('Member');
    const rows = await this.members.changes(workspaceId, memberId, cursor, limit + 1);
    const items = rows.slice(0, limit).map((c) => ({
      id: c.id,
      memberId: c.memberId,
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      source: { type: c.sourceType, ref: c.sourceRef },
      changedAt: c.changedAt.toISOString(),
    }));
    return { items, nextCursor: rows.length > limit ? rows[limit - 1].seq : null };
  }
}
