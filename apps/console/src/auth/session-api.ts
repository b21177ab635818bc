import { ApiError, request } from '../api/client';

/** `GET /v1/sessions/current`: who is signed in, and the workspaces they may open. */
export interface SessionUser {
  id: string;
  email: string;
  role: 'admin' | 'member';
  workspaces: Array<{ id: string; name: string }>;
}

export interface CurrentSession {
  user: SessionUser;
}

/** The signed-in user, or null when there is no (valid) session. */
export async function fetchCurrentSession(): Promise<CurrentSession | null> {
  try {
    return await request<CurrentSession>('GET', '/v1/sessions/current');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (email: string, password: string) =>
  request<{ user: SessionUser }>('POST', '/v1/sessions', { email, password });

export const signOut = () => request<void>('DELETE', '/v1/sessions/current');

export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>('POST', '/v1/sessions/current/password', { currentPassword, newPassword });
