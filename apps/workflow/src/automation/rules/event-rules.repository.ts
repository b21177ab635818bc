import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventRule as EventRuleContract, SendAction } from '@app/contracts';
import type { z } from 'zod';
import { Sql } from '@app/persistence';

export type EventRule = z.infer<typeof EventRuleContract>;

interface EventRuleRow {
  id: string;
  workspace_id: string;
  event: string;
  condition: string | null;
  action: SendAction;
  enabled: boolean;
  created_at: Date;
}

const toRule = (row: EventRuleRow): EventRule => ({
  id: row.id,
  workspaceId: row.workspace_id,
  event: row.event,
  condition: row.condition,
  action: row.action,
  enabled: row.enabled,
  createdAt: row.created_at.toISOString(),
});

/** Event rules, always read within one workspace. */
@Injectable()
export class EventRulesRepository {
  constructor(private readonly sql: Sql) {}

  async create(input: {
    workspaceId: string;
    event: string;
    condition: string | null;
    action: SendAction;
  }): Promise<EventRule> {
    const [row] = await this.sql.query<EventRuleRow>(
      `INSERT INTO event_rules (id, workspace_id, event, condition, action) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [randomUUID(), input.workspaceId, input.event, input.condition, JSON.stringify(input.action)],
    );
    return toRule(row);
  }

  async get(workspaceId: string, ruleId: string): Promise<EventRule | null> {
    const [row] = await this.sql.query<EventRuleRow>(
      `SELECT * FROM event_rules WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, ruleId],
    );
    return row ? toRule(row) : null;
  }

  async list(workspaceId: string, limit = 1000): Promise<EventRule[]> {
    const rows = await this.sql.query<EventRuleRow>(
      `SELECT * FROM event_rules WHERE workspace_id = $1 ORDER BY created_at, id LIMIT $2`,
      [workspaceId, limit],
    );
    return rows.map(toRule);
  }

  async update(
    workspaceId: string,
    ruleId: string,
    patch: { event?: string; condition?: string | null; action?: SendAction; enabled?: boolean },
  ): Promise<EventRule | null> {
    const [row] = await this.sql.query<EventRuleRow>(
      `UPDATE event_rules SET
         event = COALESCE($3, event),
         condition = CASE WHEN $4::boolean THEN $5 ELSE condition END,
         action = COALESCE($6::jsonb, action),
         enabled = COALESCE($7, enabled)
       WHERE workspace_id = $1 AND id = $2 RETURNING *`,
      [
        workspaceId,
        ruleId,
        patch.event ?? null,
        patch.condition !== undefined,
        patch.condition ?? null,
        patch.action ? JSON.stringify(patch.action) : null,
        patch.enabled ?? null,
      ],
    );
    return row ? toRule(row) : null;
  }

  /** Deletes a rule and its action runs, in one statement. */
  async delete(workspaceId: string, ruleId: string): Promise<boolean> {
    const rows = await this.sql.query<{ id: string }>(
      `WITH runs AS (DELETE FROM action_runs WHERE workspace_id = $1 AND rule_id = $2)
       DELETE FROM event_rules WHERE workspace_id = $1 AND id = $2 RETURNING id`,
      [workspaceId, ruleId],
    );
    return rows.length > 0;
  }

  /** The enabled rules an event of this type triggers. */
  async matching(workspaceId: string, event: string): Promise<EventRule[]> {
    const rows = await this.sql.query<EventRuleRow>(
      `SELECT * FROM event_rules WHERE workspace_id = $1 AND event = $2 AND enabled ORDER BY created_at, id`,
      [workspaceId, event],
    );
    return rows.map(toRule);
  }
}
