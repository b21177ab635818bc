import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@app/persistence';
import type { Workflow } from '@app/contracts';
import type { Step } from './steps';

interface VersionRow {
  workflow_id: string;
  version: number;
  workspace_id: string;
  name: string;
  definition: Step[];
  created_at: Date;
  first_created_at: Date;
}

export interface WorkflowVersion {
  workflowId: string;
  workspaceId: string;
  name: string;
  version: number;
  steps: Step[];
}

// The latest row of each workflow, with the first version's time as the workflow's creation.
const LATEST = `
  SELECT DISTINCT ON (v.workflow_id) v.*,
         (SELECT min(f.created_at) FROM workflow_versions f WHERE f.workflow_id = v.workflow_id) AS first_created_at
    FROM workflow_versions v`;

/** How many versions one process keeps in memory. */
const VERSIONS_KEPT = 1_000;

/** Workflow versions in Postgres. Every query is scoped to the workspace. */
@Injectable()
export class WorkflowStore {
  /** Versions read, by workspace, workflow and version (bounded, oldest forgotten first). */
  private readonly versionsSeen = new Map<string, WorkflowVersion>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts a version; false when that version number was taken meanwhile (a concurrent update). */
  async insertVersion(v: WorkflowVersion): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO workflow_versions (workflow_id, version, workspace_id, name, definition)
       VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING RETURNING version`,
      [v.workflowId, v.version, v.workspaceId, v.name, JSON.stringify(v.steps)],
    );
    return rows.length === 1;
  }

  async latest(workspaceId: string, workflowId: string): Promise<Workflow | null> {
    const rows: VersionRow[] = await this.db.query(
      `${LATEST} WHERE v.workspace_id = $1 AND v.workflow_id = $2 ORDER BY v.workflow_id, v.version DESC`,
      [workspaceId, workflowId],
    );
    return rows[0] ? toWorkflow(rows[0]) : null;
  }

  async list(workspaceId: string, limit: number, after: string | null): Promise<Workflow[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT * FROM (${LATEST} WHERE v.workspace_id = $1 ORDER BY v.workflow_id, v.version DESC) w
        WHERE $2::uuid IS NULL OR w.workflow_id > $2::uuid ORDER BY w.workflow_id LIMIT $3`,
      [workspaceId, after, limit],
    );
    return rows.map(toWorkflow);
  }

  /** Every version of a workflow, newest first (each as the workflow was at that version). */
  async versions(workspaceId: string, workflowId: string, limit: number): Promise<Workflow[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT v.*, (SELECT min(f.created_at) FROM workflow_versions f WHERE f.workflow_id = v.workflow_id) AS first_created_at
         FROM workflow_versions v WHERE v.workspace_id = $1 AND v.workflow_id = $2
        ORDER BY v.version DESC LIMIT $3`,
      [workspaceId, workflowId, limit],
    );
    return rows.map(toWorkflow);
  }

  /** A version never changes once written: every turn of a chat reads the same one, so it is kept. */
  async version(workspaceId: string, workflowId: string, version: number): Promise<WorkflowVersion | null> {
    const key = `${workspaceId}:${workflowId}:${version}`;
    const kept = this.versionsSeen.get(key);
    if (kept) return kept;
    const read = await this.readVersion(workspaceId, workflowId, version);
    if (read) {
      if (this.versionsSeen.size >= VERSIONS_KEPT)
        this.versionsSeen.delete(this.versionsSeen.keys().next().value!);
      this.versionsSeen.set(key, read);
    }
    return read;
  }

  private async readVersion(
    workspaceId: string,
    workflowId: string,
    version: number,
  ): Promise<WorkflowVersion | null> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT * FROM workflow_versions WHERE workspace_id = $1 AND workflow_id = $2 AND version = $3`,
      [workspaceId, workflowId, version],
    );
    const r = rows[0];
    return r
      ? {
          workflowId: r.workflow_id,
          workspaceId: r.workspace_id,
          name: r.name,
          version: r.version,
          steps: r.definition,
        }
      : null;
  }
}

function toWorkflow(r: VersionRow): Workflow {
  return {
    id: r.workflow_id,
    workspaceId: r.workspace_id,
    name: r.name,
    version: r.version,
    definition: r.definition,
    createdAt: new Date(r.first_created_at).toISOString(),
    updatedAt: new Date(r.created_at).toISOString(),
  };
}
