import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError, type Member, type RequestPayload, type ListMembers } from '@app/contracts';
import { pageOf } from '@app/persistence';
import { PREFERENCES_CONFIG, type PreferencesConfig } from '../config';
import { compileMemberFilter, type MemberFilter } from './member-filter';
import { memberSearch, type MemberSearch } from './member-search';
import { toMember } from './member-view';
import { MembersRepository } from './members.repository';
import { normalisePhone } from './phone';

/**
 * Members scanned at most per filtered request: a filter matching few of many members answers
 * with fewer items than `limit` (maybe none) and a cursor to go on from, never a long request.
 */
export const MAX_SCANNED_PER_REQUEST = 5_000;
const SCAN_BATCH = 500;
/**
 * A filter is evaluated in slices of at most this many milliseconds, giving the event loop back
 * between them (every other workspace's CheckSend and member writes run on the same loop); each
 * evaluation is bounded by the CEL cost limit, so a slice overruns by at most one member's worth.
 */
export const FILTER_SLICE_MS = 4;
/** Filter evaluation time per request at most: past it the page ends early with a cursor to go on from. */
export const FILTER_DEADLINE_MS = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MemberPage {
  items: Member[];
  nextCursor: string | null;
}

/**
 * Members of a workspace in id order, by phone, by a search text (names, email, phone digits)
 * and/or a CEL filter, paged with a cursor (the last member id looked at): a routine over many
 * members pages through without loading them all.
 * Keep asking while `nextCursor` is not null.
 */
@Injectable()
export class ListMembersUseCase {
  private readonly logger = new Logger('ListMembers');

  constructor(
    private readonly members: MembersRepository,
    @Inject(PREFERENCES_CONFIG) private readonly config: PreferencesConfig,
  ) {}

  async execute(request: RequestPayload<typeof ListMembers>): Promise<MemberPage> {
    const { workspaceId, limit } = request;
    if (request.cursor !== null && !UUID.test(request.cursor))
      throw new AppError('invalid_input', 'cursor: not a cursor from an earlier page.');
    const filter = request.filter?.trim() ? compileMemberFilter(request.filter) : null;
    const search = request.search ? memberSearch(request.search) : undefined;

    if (request.phone !== undefined) {
      const found = await this.members.findByPhone(
        workspaceId,
        normalisePhone(request.phone, this.config.DEFAULT_PHONE_COUNTRY),
      );
      const member = found ? toMember(found) : null;
      return { items: member && (!filter || this.matches(filter, member)) ? [member] : [], nextCursor: null };
    }
    if (!filter) {
      const rows = await this.members.page(workspaceId, request.cursor, limit + 1, search);
      const page = pageOf(rows, limit, (last) => last.id);
      return { items: page.rows.map(toMember), nextCursor: page.nextCursor };
    }
    return this.scan(workspaceId, request.cursor, limit, filter, search);
  }

  private async scan(
    workspaceId: string,
    cursor: string | null,
    limit: number,
    filter: MemberFilter,
    search: MemberSearch | undefined,
  ): Promise<MemberPage> {
    const items: Member[] = [];
    let after = cursor;
    let scanned = 0;
    let evaluating = 0;
    for (;;) {
      const rows = await this.members.page(workspaceId, after, SCAN_BATCH, search);
      let slice = performance.now();
      for (const row of rows) {
        after = row.id;
        scanned++;
        const member = toMember(row);
        if (this.matches(filter, member)) items.push(member);
        if (items.length === limit) return { items, nextCursor: row.id };
        const now = performance.now();
        if (now - slice < FILTER_SLICE_MS) continue;
        evaluating += now - slice;
        if (evaluating >= FILTER_DEADLINE_MS) return { items, nextCursor: row.id };
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
      evaluating += performance.now() - slice;
      if (rows.length < SCAN_BATCH) return { items, nextCursor: null };
      if (scanned >= MAX_SCANNED_PER_REQUEST || evaluating >= FILTER_DEADLINE_MS)
        return { items, nextCursor: after };
    }
  }

  private matches(filter: MemberFilter, member: Member): boolean {
    try {
      return filter(member);
    } catch (error) {
      // A filter that fails on one member (e.g. int() of a name) leaves that member out, not the whole run.
      // Duck-typed: the evaluator's errors may come from another realm, where instanceof Error fails.
      const message = (error as { message?: unknown } | null)?.message;
      this.logger.warn(
        `Member filter failed for member ${member.id}: ${(typeof message === 'string' ? message : String(error)).split('\n')[0]}`,
      );
      return false;
    }
  }
}
