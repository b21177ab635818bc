/**
 * Who may call a route: the operator (operator key or an admin's session), a workspace (a
 * workspace key, or a signed-in user naming one of their workspaces), a signed-in user (their own
 * sessions), or anyone (signing in).
 */
export type KeyScope = 'operator' | 'workspace' | 'user' | 'anonymous';
export const KEY_SCOPE = 'api:key-scope';

/** What a workspace API key may do: read (GET), send (start messages), manage (change settings). */
export const KEY_PERMISSIONS = ['read', 'send', 'manage'] as const;
export type KeyPermission = (typeof KEY_PERMISSIONS)[number];
export const KEY_PERMISSION = 'api:key-permission';

export type UserRole = 'admin' | 'member';

/** Who is calling, as the request gate established it before any body was read. */
export type Caller =
  | { kind: 'operator' }
  | { kind: 'key'; keyId: string; workspaceId: string; permissions: readonly KeyPermission[] }
  | {
      kind: 'session';
      sessionId: string;
      userId: string;
      role: UserRole;
      workspaceIds: readonly string[];
    };

/** What a workspace route knows about its caller: the workspace comes from the key or the session, never the body. */
export interface WorkspaceCaller {
  workspaceId: string;
  keyId: string | null;
  userId: string | null;
  /** For audit trails: `api-key:<id>` or `user:<id>`. */
  actor: string;
}
