import { api, unwrap } from '../api/client';
import type { CreatedWebhook, Webhook, WebhookDelivery } from '../api/types';
import { useWorkspaceKey } from '../auth/session';
import { useCursorList } from '../shared/cursor-list';
import { useWorkspaceMutation, useWorkspaceQuery } from '../shared/workspace-query';

export type WebhookEvent = Webhook['events'][number];
export type DeliveryStatus = WebhookDelivery['status'];

export interface WebhookInput {
  url: string;
  description?: string | null;
  events: WebhookEvent[];
}

export function useWebhooks() {
  return useWorkspaceQuery(
    ['webhooks'],
    async (): Promise<Webhook[]> => (await unwrap(api.GET('/v1/webhooks'))).items ?? [],
  );
}

export function useWebhook(id: string) {
  return useWorkspaceQuery(['webhooks', id], () =>
    unwrap(api.GET('/v1/webhooks/{id}', { params: { path: { id } } })),
  );
}

/** Deliveries newest first, of one outcome or all, a page at a time; refreshed while pending ones wait. */
export function useDeliveries(id: string, status: DeliveryStatus | null) {
  const key = useWorkspaceKey();
  return useCursorList(
    key('webhooks', id, 'deliveries', status),
    (cursor) =>
      unwrap(
        api.GET('/v1/webhooks/{id}/deliveries', {
          params: {
            path: { id },
            query: { limit: 50, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    { refetchInterval: 10_000 },
  );
}

export function useCreateWebhook() {
  return useWorkspaceMutation(
    (input: WebhookInput): Promise<CreatedWebhook> =>
      unwrap(
        api.POST('/v1/webhooks', {
          body: {
            url: input.url,
            events: input.events,
            ...(input.description ? { description: input.description } : {}),
          },
        }),
      ),
    { refreshed: [['webhooks']] },
  );
}

export function useChangeWebhook(id: string) {
  return useWorkspaceMutation(
    (patch: Partial<WebhookInput> & { enabled?: boolean }) =>
      unwrap(api.PATCH('/v1/webhooks/{id}', { params: { path: { id } }, body: patch })),
    { put: ['webhooks', id], refreshed: [['webhooks']] },
  );
}

export function useDeleteWebhook(id: string) {
  return useWorkspaceMutation(() => unwrap(api.DELETE('/v1/webhooks/{id}', { params: { path: { id } } })), {
    dropped: ['webhooks', id],
    refreshed: [['webhooks']],
  });
}
