import { z } from 'zod';
import { Id, Timestamp } from '@app/contracts';
import { KEY_PERMISSIONS } from '../auth/key-scope';
import { viewOf } from '../http/view';
import type { ApiKeyEntity } from './api-key.entity';

/** A key as lists show it: never the key, never its hash. */
export const ApiKeyView = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string().nullable(),
  prefix: z.string(),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  permissions: z.array(z.enum(KEY_PERMISSIONS)),
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const CreatedApiKey = ApiKeyView.extend({
  key: z.string().meta({ description: 'The key itself: shown once, store it now.' }),
});
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const toApiKeyView = (k: ApiKeyEntity): ApiKeyView => viewOf(ApiKeyView, k);

/** `POST /v1/workspaces/{id}/api-keys`: a name, what the key may do, and when it stops working. */
export const CreateApiKeyBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    permissions: z
      .array(z.enum(KEY_PERMISSIONS))
      .min(1, 'give at least one of read, send, manage')
      .transform((p) => KEY_PERMISSIONS.filter((k) => p.includes(k)))
      .optional(),
    expiresAt: z.iso
      .datetime({ offset: true })
      .refine((t) => Date.parse(t) > Date.now(), 'must be in the future')
      .optional(),
  })
  .strict()
  .meta({
    example: { name: 'CRM integration', permissions: ['read', 'send'], expiresAt: '2026-12-31T23:59:59Z' },
  });
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;
