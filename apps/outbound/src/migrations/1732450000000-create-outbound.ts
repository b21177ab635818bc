import { sqlMigration } from '@app/persistence';

export const CreateOutbound1732450000000 = sqlMigration('CreateOutbound1732450000000', {
  up: [
    `
      CREATE TABLE sends (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        idempotency_key text NOT NULL,
        phone_number_id uuid NOT NULL,
        member_id uuid,
        to_phone text,
        chat_id uuid,
        channel text NOT NULL,
        kind text NOT NULL,
        origin_service text NOT NULL,
        origin_ref text,
        body text,
        content_sid text,
        content_variables jsonb,
        status text NOT NULL,
        reason text,
        error_code text,
        error_message text,
        twilio_sid text,
        from_address text,
        to_address text,
        -- Set while a Twilio call is in flight: a redelivery finding an old claim reconciles first.
        claimed_at timestamptz,
        claim_token uuid,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sends_idempotency_key UNIQUE (workspace_id, idempotency_key),
        CONSTRAINT sends_twilio_sid UNIQUE (twilio_sid)
      )`,
    `CREATE INDEX sends_member ON sends (workspace_id, member_id, created_at DESC)`,
    `
      CREATE TABLE conversation_windows (
        workspace_id uuid NOT NULL,
        phone_number_id uuid NOT NULL,
        member_id uuid NOT NULL,
        channel text NOT NULL,
        member_phone text NOT NULL,
        last_inbound_at timestamptz NOT NULL,
        last_twilio_sid text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, phone_number_id, member_id, channel)
      )`,
    `CREATE INDEX conversation_windows_phone ON conversation_windows (workspace_id, phone_number_id, member_phone, channel)`,
    `
      CREATE TABLE sender_slots (
        sender_key text PRIMARY KEY,
        next_at timestamptz NOT NULL
      )`,
  ],
  down: ['DROP TABLE sender_slots', 'DROP TABLE conversation_windows', 'DROP TABLE sends'],
});
