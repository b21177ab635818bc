import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectDataSource } from '@app/persistence';
import type { Channel, ChangeSource } from '@app/contracts';
import type { SourcePosition } from '@app/rules';

export interface AddressOptOut {
  optedOut: boolean;
  channel: Channel | null;
  changedAt: Date;
  /** Of the last STOP/START applied to this phone; null before positions were kept. */
  position: SourcePosition | null;
}

/**
 * Opt-outs by phone, kept with every change of a member's opt-out: a STOP still holds for its
 * phone when no member has it any more. Scoped by workspace like everything else.
 */
@Injectable()
export class AddressOptOutsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(
    workspaceId: string,
    phone: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AddressOptOut | null> {
    const rows = await manager.query<
      Array<{
        opted_out: boolean;
        channel: Channel | null;
        changed_at: Date;
        source_at: Date | null;
        source_seq: string | null;
      }>
    >(
      `SELECT opted_out, channel, changed_at, source_at, source_seq
         FROM address_opt_outs WHERE workspace_id = $1 AND phone = $2`,
      [workspaceId, phone],
    );
    const row = rows[0];
    return row
      ? {
          optedOut: row.opted_out,
          channel: row.channel,
          changedAt: new Date(row.changed_at),
          position: row.source_at ? { at: new Date(row.source_at), seq: Number(row.source_seq ?? 0) } : null,
        }
      : null;
  }

  /**
   * Records the phone's state and the position of the message behind it (the caller has decided
   * it is the newest); a repeat of the current state changes nothing else (not even the time).
   */
  async record(
    manager: EntityManager,
    workspaceId: string,
    phone: string,
    change: {
      optedOut: boolean;
      channel: Channel | null;
      source: ChangeSource;
      position: SourcePosition | null;
    },
  ): Promise<void> {
    const at = change.position?.at ?? null;
    const seq = change.position?.seq ?? null;
    await manager.query(
      `INSERT INTO address_opt_outs (workspace_id, phone, opted_out, channel, source_type, source_ref, source_at, source_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workspace_id, phone) DO UPDATE
         SET opted_out = EXCLUDED.opted_out, channel = EXCLUDED.channel, source_type = EXCLUDED.source_type,
             source_ref = EXCLUDED.source_ref, changed_at = now()
       WHERE address_opt_outs.opted_out IS DISTINCT FROM EXCLUDED.opted_out`,
      [workspaceId, phone, change.optedOut, change.channel, change.source.type, change.source.ref, at, seq],
    );
    if (change.position)
      await manager.query(
        `UPDATE address_opt_outs SET source_at = $3, source_seq = $4 WHERE workspace_id = $1 AND phone = $2`,
        [workspaceId, phone, at, seq],
      );
  }
}
