import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppError, EraseMember, MemberErased, type RequestPayload } from '@app/contracts';
import { MessagingClient, type Answer } from '@app/messaging';
import { MemberCacheService } from '../member-cache/member-cache.service';
import { MembersRepository } from './members.repository';

interface ErasureRow {
  erased_by: string;
  erased_at: Date;
  phone_sha256: string | null;
}

/**
 * Erases a member: their row and preference history go in one transaction with the audit row
 * (who, when, the member id; the phone only as a SHA-256 so the other services can blank rows
 * kept by address), then MemberErased tells every other service to erase its own data. Running it
 * again answers the first erasure and re-publishes the event (same msg id), so a crash between
 * the commit and the publish loses nothing.
 */
@Injectable()
export class EraseMemberUseCase {
  constructor(
    private readonly members: MembersRepository,
    private readonly messaging: MessagingClient,
    private readonly cache: MemberCacheService,
  ) {}

  async execute(command: RequestPayload<typeof EraseMember>): Answer<typeof EraseMember> {
    const { workspaceId, memberId, erasedBy } = command;
    const erasure = await this.members.transaction(async (manager) => {
      const member = await this.members.lockById(manager, workspaceId, memberId);
      if (!member) {
        const [done] = await manager.query<ErasureRow[]>(
          `SELECT erased_by, erased_at, phone_sha256 FROM member_erasures WHERE workspace_id = $1 AND member_id = $2`,
          [workspaceId, memberId],
        );
        if (!done) throw AppError.notFound('Member');
        return done;
      }
      const phoneSha256 = member.phone ? createHash('sha256').update(member.phone).digest('hex') : null;
      await manager.query(`DELETE FROM preference_changes WHERE workspace_id = $1 AND member_id = $2`, [
        workspaceId,
        memberId,
      ]);
      await manager.query(`DELETE FROM members WHERE workspace_id = $1 AND id = $2`, [workspaceId, memberId]);
      const [row] = await manager.query<ErasureRow[]>(
        `INSERT INTO member_erasures (workspace_id, member_id, erased_by, phone_sha256) VALUES ($1, $2, $3, $4)
         RETURNING erased_by, erased_at, phone_sha256`,
        [workspaceId, memberId, erasedBy, phoneSha256],
      );
      return row;
    });
    this.cache.memberChanged(workspaceId, memberId);
    const erasedAt = new Date(erasure.erased_at).toISOString();
    await this.messaging.publish(
      MemberErased,
      { workspaceId, memberId, phoneSha256: erasure.phone_sha256, erasedAt },
      { msgId: `member.erased:${memberId}` },
    );
    return { memberId, erasedAt, erasedBy: erasure.erased_by };
  }
}
