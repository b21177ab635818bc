import { api, ApiError, unwrap } from '../api/client';
import type { components } from '../api/schema.gen';

/** `GET /v1/sessions/current`: who is signed in, and the workspaces they may open. */
export type CurrentSession = components['schemas']['CurrentSession'];
export type SessionUser = CurrentSession['user'];

/** The signed-in user, or null when there is no (valid) session. */
export async function fetchCurrentSession(): Promise<CurrentSession | null> {
  try {
    return await unwrap(api.GET('/v1/sessions/current'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (email: string, password: string) =>
  unwrap(api.POST('/v1/sessions', { body: { email, password } }));

export const signOut = () => unwrap(api.DELETE('/v1/sessions/current'));

export const changePassword = (currentPassword: string, newPassword: string) =>
  unwrap(api.POST('/v1/sessions/current/password', { body: { currentPassword, newPassword } }));
