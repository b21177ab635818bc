import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@app/persistence';
import type { DataSource } from 'typeorm';

/** Remembers, per Twilio message, whether its keyword owes a confirmation. */
export interface KeywordOutcomes {
  /** Stores the decision unless one is stored already, and answers the stored one (first wins). */
  decide(workspaceId: string, messageSid: string, confirm: boolean): Promise<boolean>;
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
}
