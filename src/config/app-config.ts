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
   * Where the admin panel opens (ADMIN_URL, else PUBLIC_URL/admin/, else null): the staff bot's /login
   * links there with the one-time token.
   */
  readonly adminUrl: string | null;
  readonly internalApiKeys: readonly string[];
  readonly roles: ReadonlySet<AppRole>;
  readonly port: number;
  /** Folder holding the browser bundles (`<webRoot>/admin/dist`), WEB_ROOT; default `web` in the working directory. */
  readonly webRoot: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export const APP_CONFIG = Symbol('APP_CONFIG');
