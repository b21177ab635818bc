import { sqlMigration } from '@app/persistence';

/**
 * The rate slot a waiting send booked: the send goes back to JetStream until then and uses this
 * slot when it returns, so waiting holds no consumer slot and never books the sender twice.
 */
export const SendRateSlot1764510000000 = sqlMigration('SendRateSlot1764510000000', {
  up: ['ALTER TABLE sends ADD COLUMN rate_slot_at timestamptz'],
  down: ['ALTER TABLE sends DROP COLUMN rate_slot_at'],
});
