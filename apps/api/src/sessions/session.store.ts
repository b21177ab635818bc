import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@app/persistence';
import { LessThan, Not, type Repository } from 'typeorm';
import type { UserRole } from '../auth/key-scope';
import { credentialLookups } from '../auth/lookup-metrics';
import { SessionEntity } from './session.entity';

/** A live session with what the gate needs to know about its user. */
export interface SessionWithUser {
  sessionId: string;
  userId: string;
  role: UserRole;
  workspaceIds: string[];
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** The sessions table. Every read of a user's sessions filters by the user. */
@Injectable()
export class SessionStore {
  constructor(@InjectRepository(SessionEntity) private readonly repo: Repository<SessionEntity>) {}

  async insert(session: SessionEntity): Promise<void> {
    await this.repo.insert(session);
  }

  /** The unexpired session of an enabled user with this token hash. */
  async findLive(tokenHash: string): Promise<SessionWithUser | null> {
    credentialLookups.inc({ kind: 'session' });
    const rows: Array<{
      id: string;
      user_id: string;
      role: UserRole;
      workspace_ids: string[];
      created_at: Date;
      expires_at: Date;
      last_seen_at: Date;
    }> = await this.repo.query(
      `SELECT s.id, s.user_id, u.role, u.workspace_ids, s.created_at, s.expires_at, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: row.id,
      userId: row.user_id,
      role: row.role,
      workspaceIds: row.workspace_ids,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      lastSeenAt: row.last_seen_at,
    };
  }

  listLive(userId: string): Promise<SessionEntity[]> {
    return this.repo.find({
      where: { userId, expiresAt: Not(LessThan(new Date())) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  findForUser(userId: string, id: string): Promise<SessionEntity | null> {
    return this.repo.findOneBy({ userId, id });
  }

  /** Ends one of the user's sessions; false when it is not theirs (or already gone). */
  async delete(userId: string, id: string): Promise<boolean> {
    const result = await this.repo.delete({ userId, id });
    return (result.affected ?? 0) > 0;
  }

  /** Ends every session of the user but `keepId`; answers the ended ids. */
  async deleteAllOf(userId: string, keepId?: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.repo.query(
      `DELETE FROM sessions WHERE user_id = $1 AND ($2::uuid IS NULL OR id <> $2) RETURNING id`,
      [userId, keepId ?? null],
    );
    // TypeORM answers [rows, count] for DELETE ... RETURNING on postgres.
    const list = Array.isArray(rows[0]) ? (rows[0] as unknown as Array<{ id: string }>) : rows;
    return list.map((r) => r.id);
  }

  async deleteExpiredOf(userId: string): Promise<void> {
    await this.repo.delete({ userId, expiresAt: LessThan(new Date()) });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastSeenAt: at });
  }
}
