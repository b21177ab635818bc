import { z } from 'zod';
import { Id, Timestamp } from '@app/contracts';
import type { ApiKeyEntity } from './api-key.entity';

/** A key as lists show it: never the key, never its hash. */
export const ApiKeyView = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string().nullable(),
  prefix: z.string(),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const CreatedApiKey = ApiKeyView.extend({
  key: z.string().meta({ description: 'The key itself: shown once, store it now.' }),
});
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const toApiKeyView = (k: ApiKeyEntity): ApiKeyView => ({
  id: k.id,
  workspaceId: k.workspaceId,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
});
