/**
 * The panel's address that logs an admin in with a one-time token: the login page, the token in the URL
 * fragment (`/login#token=...`), which browsers never send to a server, so it stays out of access logs,
 * proxies and Referer headers. The panel exchanges it at POST /api/v1/auth/telegram.
 */
export function panelLoginLink(adminUrl: string, token: string): string {
  return `${adminUrl.replace(/\/+$/, '')}/login#token=${encodeURIComponent(token)}`;
}

/**
 * Telegram refuses URL buttons that point at an address it cannot reach (localhost, plain IPs over http),
 * so the one-tap button is added only for https links; the text link works everywhere.
 */
export function buttonWorthy(link: string): boolean {
  return /^https:\/\//i.test(link);
}
