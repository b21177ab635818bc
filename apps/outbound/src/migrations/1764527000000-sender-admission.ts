import { sqlMigration } from '@app/persistence';

/**
 * Sends are admitted at departure (GCRA): `tat` is each sender's theoretical time of its next
 * send, `front_at` the next free turn for a booked send that was refused, `asked_at`/`admitted`
 * the last ask and its answer (read back by the same statement). The table becomes unlogged: one
 * statement per ask on one row waited for a WAL flush each (≈ 700/s).
 */
export const SenderAdmission1764527000000 = sqlMigration('SenderAdmission1764527000000', {
  up: [
    `ALTER TABLE sender_slots
       ADD COLUMN tat timestamptz NOT NULL DEFAULT '-infinity',
       ADD COLUMN front_at timestamptz NOT NULL DEFAULT '-infinity',
       ADD COLUMN asked_at timestamptz,
       ADD COLUMN admitted boolean NOT NULL DEFAULT false`,
    'ALTER TABLE sender_slots SET UNLOGGED',
  ],
  down: [
    'ALTER TABLE sender_slots SET LOGGED',
    'ALTER TABLE sender_slots DROP COLUMN tat, DROP COLUMN front_at, DROP COLUMN asked_at, DROP COLUMN admitted',
  ],
});
