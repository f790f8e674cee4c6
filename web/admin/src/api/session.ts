/** The admin's session in the browser: the JWT and who it belongs to (sessionStorage: gone with the tab). */
export type AdminRole = 'owner' | 'marketing' | 'readonly';

export interface Session {
  token: string;
  id: number;
  username: string;
  role: AdminRole;
}

const KEY = 'dvorik.session';

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
