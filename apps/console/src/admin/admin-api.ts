import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request, unwrap } from '../api/client';
import type { ApiKey, Page, PhoneNumber, Workspace } from '../api/types';

export interface User {
  id: string;
  email: string;
  role: 'admin' | 'member';
  workspaceIds: string[];
  createdAt?: string;
}

export interface CreatedKey extends ApiKey {
  key: string;
}

const ADMIN = ['admin'] as const;
const asList = <T>(answer: Page<T> | T[]): T[] => (Array.isArray(answer) ? answer : answer.items);

export function useWorkspaces() {
  return useQuery({
    queryKey: [...ADMIN, 'workspaces'],
    queryFn: async (): Promise<Workspace[]> => (await unwrap(api.GET('/v1/workspaces'))).items,
  });
}

export function useUsers() {
  return useQuery({
    queryKey: [...ADMIN, 'users'],
    queryFn: async (): Promise<User[]> => (await unwrap(api.GET('/v1/users'))).items,
  });
}

export function useWorkspaceKeys(workspaceId: string) {
  return useQuery({
    queryKey: [...ADMIN, 'keys', workspaceId],
    queryFn: async () =>
      asList(await request<Page<ApiKey> | ApiKey[]>('GET', `/v1/workspaces/${workspaceId}/api-keys`)),
  });
}

export function useWorkspaceNumbers(workspaceId: string) {
  return useQuery({
    queryKey: [...ADMIN, 'numbers', workspaceId],
    queryFn: async () =>
      asList(
        await request<Page<PhoneNumber>>('GET', '/v1/phone-numbers?includeArchived=true', undefined, {
          workspaceId,
        }),
      ),
  });
}

/** Every admin change refreshes the admin lists, and the session (a user's workspaces may change). */
export function useAdminMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ADMIN });
      void client.invalidateQueries({ queryKey: ['session'] });
      // A workspace's features and numbers show on its own pages too (the WhatsApp switch).
      void client.invalidateQueries({ queryKey: ['ws'] });
    },
  });
}
