import { sqlMigration } from '@app/persistence';

export const CreateApiKeys1732470000000 = sqlMigration('CreateApiKeys1732470000000', {
  up: [
    // Only a SHA-256 hash of each key is stored; the prefix is for telling keys apart in lists.
    `
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        name text,
        prefix text NOT NULL,
        key_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CONSTRAINT api_keys_key_hash_unique UNIQUE (key_hash)
      )
    `,
    `CREATE INDEX api_keys_workspace_idx ON api_keys (workspace_id, created_at)`,
  ],
  down: [`DROP TABLE api_keys`],
});
