export type KeyScope = 'operator' | 'workspace';
export const KEY_SCOPE = 'api:key-scope';

/** Who is calling, as the guard established it. */
export type Caller = { kind: 'operator' } | { kind: 'workspace'; workspaceId: string; keyId: string };

/** What a workspace route knows about its caller: the workspace comes from the key, never the request. */
export interface WorkspaceCaller {
  workspaceId: string;
  keyId: string;
}
