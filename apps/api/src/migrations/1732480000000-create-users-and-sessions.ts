import { sqlMigration } from '@app/persistence';

export const CreateUsersAndSessions1732480000000 = sqlMigration('CreateUsersAndSessions1732480000000', {
  up: [
    // Emails are stored lower-cased (one account per address); the password only as a scrypt hash.
    `
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
    `,
    // Only a SHA-256 hash of each session token is stored; deleting a user ends its sessions.
    `
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
    `,
    `CREATE INDEX sessions_user_idx ON sessions (user_id, created_at)`,
  ],
  down: [`DROP TABLE sessions`, `DROP TABLE users`],
});
