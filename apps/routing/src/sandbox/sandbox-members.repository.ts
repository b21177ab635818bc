import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@app/persistence';
import type { DataSource } from 'typeorm';

/** The addresses that joined a WhatsApp sandbox number, per number. */
@Injectable()
export class SandboxMembersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records a join; a later join (a new code) replaces an earlier one, a redelivery changes nothing. */
  async recordJoin(join: {
    workspaceId: string;
    phoneNumberId: string;
    address: string;
    joinCode: string;
    messageSid: string;
    joinedAt: Date;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO sandbox_members (phone_number_id, address, workspace_id, join_code, message_sid, joined_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (phone_number_id, address) DO UPDATE
         SET workspace_id = EXCLUDED.workspace_id, join_code = EXCLUDED.join_code,
             message_sid = EXCLUDED.message_sid, joined_at = EXCLUDED.joined_at
         WHERE sandbox_members.joined_at < EXCLUDED.joined_at`,
      [join.phoneNumberId, join.address, join.workspaceId, join.joinCode, join.messageSid, join.joinedAt],
    );
  }

  /**
   * When the address joined the number with its current code (a number whose code we were not
   * told takes any join), or null. Scoped by the workspace: another workspace's number is no one's.
   */
  async joinedAt(workspaceId: string, phoneNumberId: string, address: string): Promise<Date | null> {
    const rows: Array<{ joined_at: Date }> = await this.db.query(
      `SELECT m.joined_at
         FROM sandbox_members m JOIN phone_numbers n ON n.id = m.phone_number_id
        WHERE m.workspace_id = $1 AND n.workspace_id = $1 AND m.phone_number_id = $2 AND m.address = $3
          AND (n.whatsapp_sandbox_join_code IS NULL OR lower(n.whatsapp_sandbox_join_code) = m.join_code)`,
      [workspaceId, phoneNumberId, address],
    );
    return rows[0] ? new Date(rows[0].joined_at) : null;
  }
}
