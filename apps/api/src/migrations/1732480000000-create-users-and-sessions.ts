import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsersAndSessions1732480000000 implements MigrationInterface {
  name = 'CreateUsersAndSessions1732480000000';

  async up(q: QueryRunner): Promise<void> {
    // Emails are stored lower-cased (one account per address); the password only as a scrypt hash.
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'member')),
        workspace_ids uuid[] NOT NULL DEFAULT '{}',
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_unique UNIQUE (email)
      )
    `);
    // Only a SHA-256 hash of each session token is stored; deleting a user ends its sessions.
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sessions_token_hash_unique UNIQUE (token_hash)
      )
    `);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
  }
}
