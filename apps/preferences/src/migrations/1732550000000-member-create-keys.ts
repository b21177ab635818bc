import { sqlMigration } from '@app/persistence';

/**
 * Idempotency keys of member creations, per workspace: a client retrying a create whose answer it
 * lost gets the member it created, not a 409. The row goes in with the member, in one
 * transaction; the request's fields are kept only as a hash (checked on a repeat). Swept after
 * MEMBER_CREATE_KEY_TTL_HOURS.
 */
export const MemberCreateKeys1732550000000 = sqlMigration('MemberCreateKeys1732550000000', {
  up: [
    `
      CREATE TABLE member_create_keys (
        workspace_id uuid NOT NULL,
        key text NOT NULL,
        request_hash bytea NOT NULL,
        -- No foreign key: an erased member's key still answers (that it was erased), not a new member.
        member_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, key)
      )`,
    `CREATE INDEX member_create_keys_created_at ON member_create_keys (created_at)`,
  ],
  down: ['DROP TABLE member_create_keys'],
});
