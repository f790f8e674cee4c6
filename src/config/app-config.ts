import type { TrustProxy } from './trust-proxy';

/** The application's settings from the environment, after validation (SPEC section 9). */
export type AppRole = 'api' | 'bots' | 'worker' | 'scheduler';
export const APP_ROLES: readonly AppRole[] = ['api', 'bots', 'worker', 'scheduler'];

export interface AppConfig {
  readonly nodeEnv: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** Prefix of every Redis key this deployment writes (cache, sessions, queues), so tests and shops can share a server. */
  readonly redisPrefix: string;
  readonly jwtSecret: string;
  readonly clientBotToken: string;
  readonly staffBotToken: string;
  readonly telegramApiRoot: string;
  readonly telegramWebhookSecret: string;
  /** Set => bots run by webhooks at PUBLIC_URL/telegram/{client,staff}; null => long polling. */
  readonly publicUrl: string | null;
  /**
   * Where the Mini Apps' pages are (https: Telegram opens nothing else): MINI_APP_URL, else PUBLIC_URL/webapp
   * when PUBLIC_URL is https; null => no menu buttons or «Моя карта» buttons.
   */
  readonly miniAppUrl: string | null;
  readonly internalApiKeys: readonly string[];
  readonly roles: ReadonlySet<AppRole>;
  readonly port: number;
  /** Reverse proxies trusted for X-Forwarded-For (TRUST_PROXY); false: none, the socket address counts. */
  readonly trustProxy: TrustProxy;
  /**
   * Where the admin panel opens (ADMIN_URL, else PUBLIC_URL/admin/, else null): the staff bot's /login
   * links there with the one-time token.
   */
  readonly adminUrl: string | null;
  /** Folder holding the browser bundles (`<webRoot>/admin/dist`), WEB_ROOT; default `web` in the working directory. */
  readonly webRoot: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `pretty`: one coloured line per entry for a person at a terminal; `json`: one JSON object per line. */
  readonly logFormat: 'pretty' | 'json';
}

export const APP_CONFIG = Symbol('APP_CONFIG');
