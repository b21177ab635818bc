import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectDataSource } from '@app/persistence';
import type { Channel, ChangeSource } from '@app/contracts';

export interface AddressOptOut {
  optedOut: boolean;
  channel: Channel | null;
  changedAt: Date;
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
      Array<{ opted_out: boolean; channel: Channel | null; changed_at: Date }>
    >(`SELECT opted_out, channel, changed_at FROM address_opt_outs WHERE workspace_id = $1 AND phone = $2`, [
      workspaceId,
      phone,
    ]);
    const row = rows[0];
    return row
      ? { optedOut: row.opted_out, channel: row.channel, changedAt: new Date(row.changed_at) }
      : null;
  }

  /** Records the phone's state; a repeat of the current state changes nothing (not even the time). */
  async record(
    manager: EntityManager,
    workspaceId: string,
    phone: string,
    change: { optedOut: boolean; channel: Channel | null; source: ChangeSource },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO address_opt_outs (workspace_id, phone, opted_out, channel, source_type, source_ref)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workspace_id, phone) DO UPDATE
         SET opted_out = EXCLUDED.opted_out, channel = EXCLUDED.channel, source_type = EXCLUDED.source_type,
             source_ref = EXCLUDED.source_ref, changed_at = now()
       WHERE address_opt_outs.opted_out IS DISTINCT FROM EXCLUDED.opted_out`,
      [workspaceId, phone, change.optedOut, change.channel, change.source.type, change.source.ref],
    );
  }
}
