import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { setWorkspaceHeader } from '../api/client';
import { fetchCurrentSession, type SessionUser } from './session-api';

export const SESSION_KEY = ['session'] as const;
const STORED_WORKSPACE = 'console.workspace';

export interface SessionState {
  user: SessionUser;
  /** The workspace the pages act on (null: the user belongs to none). */
  workspace: { id: string; name: string } | null;
  selectWorkspace(id: string): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchCurrentSession, staleTime: 60_000 });
}

function storedWorkspace(): string | null {
  try {
    return window.localStorage.getItem(STORED_WORKSPACE);
  } catch {
    return null;
  }
}

/** Provides the signed-in user and the chosen workspace to the pages below it. */
export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const [workspaceId, setWorkspaceId] = useState(storedWorkspace);
  const workspace = user.workspaces.find((w) => w.id === workspaceId) ?? user.workspaces[0] ?? null;
  setWorkspaceHeader(workspace?.id ?? null);

  const selectWorkspace = useCallback((id: string) => {
    try {
      window.localStorage.setItem(STORED_WORKSPACE, id);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setWorkspaceHeader(id);
    setWorkspaceId(id);
  }, []);

  const value = useMemo(() => ({ user, workspace, selectWorkspace }), [user, workspace, selectWorkspace]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Query keys of workspace data start with the workspace, so switching shows the other one's. */
export function useWorkspaceKey(): (...parts: unknown[]) => unknown[] {
  const { workspace } = useSession();
  return useCallback((...parts: unknown[]) => ['ws', workspace?.id ?? 'none', ...parts], [workspace?.id]);
}
