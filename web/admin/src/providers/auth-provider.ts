import type { AuthProvider } from 'react-admin';
import { ApiError } from '../api/api-error';
import { answer, api } from '../api/client';
import { clearSession, readSession, saveSession, type AdminRole, type Session } from '../api/session';
import { canAccess } from '../auth/access';
import { rememberReturn } from '../auth/after-login';
import { dropAllDrafts, keepDrafts } from '../forms/keep-draft';
import { errorMessage } from '../errors/error-messages';
import { setShopTimezone } from '../format/shop-time';

/** Why the login page is shown (an expired session says so in Russian there). */
const REASON_KEY = 'dvorik.loginReason';

/** The note for the login page; it stays until the next log-in (the page may mount more than once). */
export function loginReason(): string | null {
  return sessionStorage.getItem(REASON_KEY);
}

/** Reads `shop.timezone` so every date is shown in shop time. */
export async function loadShopTimezone(): Promise<void> {
  try {
    const settings = await answer(api.GET('/api/v1/settings', { params: { query: { limit: 100 } } }));
    const zone = settings.items.find((s) => s.key === 'shop.timezone')?.value;
    setShopTimezone(typeof zone === 'string' ? zone : null);
  } catch {
    // The default zone stays; the pages still work.
  }
}

/** Starts a session from a JWT (password log-in; the Telegram link log-in uses it too). */
export async function startSession(accessToken: string): Promise<Session> {
  sessionStorage.removeItem(REASON_KEY);
  saveSession({ token: accessToken, id: 0, username: '', role: 'readonly' });
  try {
    const me = await answer(api.GET('/api/v1/auth/me'));
    const session: Session = {
      token: accessToken,
      id: me.id,
      username: me.username,
      role: me.role as AdminRole,
    };
    saveSession(session);
    await loadShopTimezone();
    return session;
  } catch (error) {
    clearSession();
    throw error;
  }
}

/** Log in by username and password through the API; the JWT lives in sessionStorage. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const token = await answer(api.POST('/api/v1/auth/login', { body: { username, password } }));
      await startSession(token.accessToken);
    } catch (error) {
      throw new Error(errorMessage(error));
    }
  },

  async logout() {
    // Logging out on purpose forgets the drafts; an expired session (a reason is set) keeps them.
    if (!loginReason()) dropAllDrafts();
    if (readSession()) {
      try {
        await answer(api.POST('/api/v1/auth/logout'));
      } catch {
        // The token is already expired or revoked: nothing left to revoke.
      }
    }
    clearSession();
  },

  async checkAuth() {
    if (!readSession()) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: { status?: number; body?: { code?: string } } | ApiError) {
    const status = error instanceof ApiError ? error.status : error.status;
    if (status === 401) {
      // Before react-admin leaves the page: what was being typed, and where, for after the next log-in.
      keepDrafts();
      rememberReturn(window.location.pathname + window.location.search);
      clearSession();
      const text = errorMessage(new ApiError(401, 'AUTH_TOKEN_EXPIRED', '', null));
      sessionStorage.setItem(REASON_KEY, text);
      // Shown on the login page itself, so no second notification. No redirectTo: react-admin's default is
      // its login URL under the basename (/admin/login); a path given here would be taken as is.
      throw { message: false };
    }
    // 403 FORBIDDEN_ROLE: the session is fine, the action is refused (the page shows the message).
  },

  async getPermissions() {
    return readSession()?.role;
  },

  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return { id: session.id, fullName: session.username };
  },

  async canAccess({ resource, action }) {
    return canAccess(readSession()?.role, resource, action);
  },
};

/** On a page reload the session is still there but the zone must be read again. */
if (readSession()) void loadShopTimezone();
