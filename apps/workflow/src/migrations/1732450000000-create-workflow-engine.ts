import { sqlMigration } from '@app/persistence';

/** Workflow definitions (one row per version), the version each chat runs, and handled turns. */
export const CreateWorkflowEngine1732450000000 = sqlMigration('CreateWorkflowEngine1732450000000', {
  up: [
    // Versions are immutable: an update inserts version n+1, so a chat pinned to n keeps running n.
    `
      CREATE TABLE workflow_versions (
        workflow_id uuid NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        workspace_id uuid NOT NULL,
        name text NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workflow_id, version)
      )`,
    `CREATE INDEX workflow_versions_by_workspace ON workflow_versions (workspace_id, workflow_id, version DESC)`,
    `
      CREATE TABLE chat_sessions (
        chat_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        workflow_id uuid NOT NULL,
        version integer NOT NULL,
        started_by text NOT NULL CHECK (started_by IN ('inbound', 'action')),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (workflow_id, version) REFERENCES workflow_versions (workflow_id, version)
      )`,
    // One row per answered input: the inbound twilioSid (or start:<key> for a started chat).
    // lead_key is the turn that answered it; several queued messages share one lead.
    `
      CREATE TABLE turns (
        turn_key text PRIMARY KEY,
        workspace_id uuid NOT NULL,
        chat_id uuid NOT NULL,
        lead_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'answered', 'skipped', 'failed')),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`,
    `CREATE INDEX turns_by_chat ON turns (chat_id)`,
    `CREATE INDEX turns_by_lead ON turns (lead_key)`,
    // ConversationStarter calls, by the caller's idempotency key.
    `
      CREATE TABLE chat_starts (
        idempotency_key text PRIMARY KEY,
        workspace_id uuid NOT NULL,
        chat_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
  ],
  down: [
    `DROP TABLE chat_starts`,
    `DROP TABLE turns`,
    `DROP TABLE chat_sessions`,
    `DROP TABLE workflow_versions`,
  ],
});
