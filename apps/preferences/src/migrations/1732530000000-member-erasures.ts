import { sqlMigration } from '@app/persistence';

/**
 * The audit of erasures: who erased which member id and when. Nothing else about the member is
 * kept (an opt-out by address stays in address_opt_outs, so a STOP outlives the erasure).
 */
export const MemberErasures1732530000000 = sqlMigration('MemberErasures1732530000000', {
  up: [
    `
      CREATE TABLE member_erasures (
        workspace_id uuid NOT NULL,
        member_id uuid NOT NULL,
        erased_by text NOT NULL,
        erased_at timestamptz NOT NULL DEFAULT now(),
        phone_sha256 text,
        PRIMARY KEY (workspace_id, member_id)
      )`,
  ],
  down: ['DROP TABLE member_erasures'],
});
