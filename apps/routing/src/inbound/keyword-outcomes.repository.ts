import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@app/persistence';
import type { Keyword } from '@app/rules';
import type { DataSource } from 'typeorm';

/**
 * Remembers, per Twilio message, whether its keyword owes a confirmation, and when a number last
 * acknowledged a keyword from a phone.
 */
export interface KeywordOutcomes {
  /** Stores the decision unless one is stored already, and answers the stored one (first wins). */
  decide(workspaceId: string, messageSid: string, confirm: boolean): Promise<boolean>;
  /** When this number last confirmed this keyword to this phone, or null. */
  lastAck(phoneNumberId: string, phone: string, keyword: Keyword): Promise<Date | null>;
  /** Records a confirmation (the later time wins, so a redelivery changes nothing). */
  recordAck(
    workspaceId: string,
    phoneNumberId: string,
    phone: string,
    keyword: Keyword,
    at: Date,
  ): Promise<void>;
}

@Injectable()
export class KeywordOutcomesRepository implements KeywordOutcomes {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async decide(workspaceId: string, messageSid: string, confirm: boolean): Promise<boolean> {
    // The CTE's insert is invisible to the second SELECT of the same statement: one of the two answers.
    const rows: Array<{ confirm: boolean }> = await this.db.query(
      `WITH inserted AS (
         INSERT INTO keyword_outcomes (message_sid, workspace_id, confirm) VALUES ($1, $2, $3)
         ON CONFLICT (message_sid) DO NOTHING
         RETURNING confirm
       )
       SELECT confirm FROM inserted
       UNION ALL
       SELECT confirm FROM keyword_outcomes WHERE message_sid = $1 AND workspace_id = $2
       LIMIT 1`,
      [messageSid, workspaceId, confirm],
    );
    return rows[0]?.confirm ?? confirm;
  }

  async lastAck(phoneNumberId: string, phone: string, keyword: Keyword): Promise<Date | null> {
    const rows: Array<{ acked_at: Date }> = await this.db.query(
      `SELECT acked_at FROM keyword_acks WHERE phone_number_id = $1 AND phone = $2 AND keyword = $3`,
      [phoneNumberId, phone, keyword],
    );
    return rows[0] ? new Date(rows[0].acked_at) : null;
  }

  async recordAck(
    workspaceId: string,
    phoneNumberId: string,
    phone: string,
    keyword: Keyword,
    at: Date,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO keyword_acks (phone_number_id, phone, keyword, workspace_id, acked_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (phone_number_id, phone, keyword) DO UPDATE SET acked_at = GREATEST(keyword_acks.acked_at, EXCLUDED.acked_at)`,
      [phoneNumberId, phone, keyword, workspaceId, at],
    );
  }
}
