// Who is signed in, shared with every screen; controls are shown by the permissions the server
// returned (the server enforces them anyway).

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SessionInfo } from './api/types';

export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}

export function useCan(): (permission: string) => boolean {
  const session = useSession();
  return (permission) => session.permissions.includes(permission);
}
