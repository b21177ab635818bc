import { sqlMigration } from '@app/persistence';

/**
 * Opt-outs by address: a STOP belongs to the phone that sent it as well as to its member, so it
 * still holds when no member has that phone (the member changed phone or was erased).
 */
export const AddressOptOuts1732480000000 = sqlMigration('AddressOptOuts1732480000000', {
  up: [
    `
      CREATE TABLE address_opt_outs (
        workspace_id uuid NOT NULL,
        phone text NOT NULL,
        opted_out boolean NOT NULL,
        channel text,
        source_type text NOT NULL,
        source_ref text,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, phone)
      )`,
    // Members opted out before this table existed: their phones are opted out too.
    `
      INSERT INTO address_opt_outs (workspace_id, phone, opted_out, channel, source_type, source_ref, changed_at)
      SELECT workspace_id, phone, true, opted_out_channel, 'system', 'member opted out', coalesce(opted_out_at, now())
        FROM members WHERE opted_out AND phone IS NOT NULL
      ON CONFLICT DO NOTHING`,
  ],
  down: ['DROP TABLE address_opt_outs'],
});
