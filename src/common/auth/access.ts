/** The admin roles (SPEC section 1): owner does everything, marketing runs the shop's marketing, readonly reads. */
export const ADMIN_ROLES = ['owner', 'marketing', 'readonly'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** Who may call a route: nobody in particular, admins of some roles, the POS till, or Telegram (webhooks). */
export type Access =
  | { kind: 'public' }
  | { kind: 'admin'; roles: readonly AdminRole[] }
  | { kind: 'pos' }
  | { kind: 'telegram' }
  | { kind: 'miniapp'; bot: MiniAppBot };

/** The bot whose Mini App a request comes from: the client's card or the cashier's scanner. */
export type MiniAppBot = 'client' | 'staff';

export const ACCESS_METADATA = 'dvorik:access';

/** The admin a request runs as, after the guard checked the token; `request.admin`. */
export interface AdminPrincipal {
  id: number;
  username: string;
  role: AdminRole;
  telegramId: number | null;
  /** The token's id and expiry (seconds since epoch), for logout. */
  jti: string;
  exp: number;
}

/** The POS terminal a request runs as: which configured key matched (by position, never the key). */
export interface PosPrincipal {
  keyIndex: number;
}

/** Who opened a Mini App, after the guard checked its initData (signature, bot, age); `request.miniApp`. */
export interface MiniAppPrincipal {
  bot: MiniAppBot;
  telegramId: number;
  firstName: string;
  username: string | null;
}
