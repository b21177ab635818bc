import { sqlMigration } from '@app/persistence';

export const ApiKeyPermissionsAndExpiry1732500000000 = sqlMigration(
  'ApiKeyPermissionsAndExpiry1732500000000',
  {
    up: [
      // Keys issued before permissions existed keep doing everything they could.
      `
      ALTER TABLE api_keys
        ADD COLUMN permissions text[] NOT NULL DEFAULT '{read,send,manage}',
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN last_used_at timestamptz
    `,
    ],
    down: [`ALTER TABLE api_keys DROP COLUMN permissions, DROP COLUMN expires_at, DROP COLUMN last_used_at`],
  },
);
