import { Injectable } from '@nestjs/common';
import { AppError, type ChangeSource, type RequestPayload, type ListPreferenceChanges } from '@app/contracts';
import { pageOf } from '@app/persistence';
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

  async execute({
    workspaceId,
    memberId,
    limit,
    cursor,
  }: RequestPayload<typeof ListPreferenceChanges>): Promise<{
    items: PreferenceChangeView[];
    nextCursor: string | null;
  }> {
    if (cursor !== null && !/^\d{1,19}$/.test(cursor))
      throw new AppError('invalid_input', 'cursor: not a cursor from an earlier page.');
    if (!(await this.members.findById(workspaceId, memberId))) throw AppError.notFound('Member');
    const rows = await this.members.changes(workspaceId, memberId, cursor, limit + 1);
    const page = pageOf(rows, limit, (last) => last.seq);
    const items = page.rows.map((c) => ({
      id: c.id,
      memberId: c.memberId,
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      source: { type: c.sourceType, ref: c.sourceRef },
      changedAt: c.changedAt.toISOString(),
    }));
    return { items, nextCursor: page.nextCursor };
  }
}
