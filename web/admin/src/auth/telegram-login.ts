import { apiRequest } from '../api/http';
import { errorMessage } from '../errors/error-messages';
import { startSession } from '../providers/auth-provider';

/**
 * The one-time token of the staff bot's /login link (`/admin/login#token=...`), taken out of the address
 * bar at once so it is neither kept in history nor shown; null when the page was opened otherwise.
 */
export function takeTokenFromLink(): string | null {
  const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  if (token !== null) window.history.replaceState(null, '', window.location.pathname);
  return token?.trim() || null;
}

/** Exchanges the token for a session (single use, 10 minutes); throws the Russian reason otherwise. */
export async function logInWithTelegramToken(token: string): Promise<void> {
  try {
    const { accessToken } = await apiRequest<{ accessToken: string }>('/auth/telegram', {
      method: 'POST',
      body: { token: token.trim() },
      anonymous: true,
    });
    await startSession(accessToken);
  } catch (error) {
    const message = errorMessage(error);
    throw new Error(
      message === 'Сеанс недействителен, войдите снова'
        ? 'Ссылка для входа устарела или уже использована. Отправьте /login боту ещё раз.'
        : message,
    );
  }
}
