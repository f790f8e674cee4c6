import { resolve } from 'node:path';
import { AppConfig, AppRole, APP_ROLES } from './app-config';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

/** A configuration problem, worded as one line that names the variable. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const BOT_TOKEN = /^\d+:[A-Za-z0-9_-]{10,}$/;

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is required but not set`);
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function url(name: string, value: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return value.replace(/\/+$/, '');
}

function botToken(env: Env, name: string): string {
  const value = required(env, name);
  if (!BOT_TOKEN.test(value)) throw new ConfigError(`${name} does not look like a bot token (123456:ABC...)`);
  return value;
}

function roles(env: Env): Set<AppRole> {
  const raw = optional(env, 'APP_ROLES');
  if (!raw) return new Set(APP_ROLES);
  const list = raw
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = list.filter((r) => !APP_ROLES.includes(r as AppRole));
  if (unknown.length > 0 || list.length === 0) {
    throw new ConfigError(
      `APP_ROLES must be a comma-separated subset of ${APP_ROLES.join(',')} (got "${raw}")`,
    );
  }
  return new Set(list as AppRole[]);
}

function port(env: Env): number {
  const raw = optional(env, 'PORT') ?? '3000';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535 (got "${raw}")`);
  }
  return value;
}

function logLevel(env: Env): AppConfig['logLevel'] {
  const raw = optional(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`);
  }
  return raw as AppConfig['logLevel'];
}

/** LOG_FORMAT `pretty` or `json`; unset: pretty when standard output is a terminal, JSON otherwise. */
function logFormat(env: Env, stdoutIsTty: boolean): AppConfig['logFormat'] {
  const raw = optional(env, 'LOG_FORMAT');
  if (raw === undefined) return stdoutIsTty ? 'pretty' : 'json';
  if (raw !== 'pretty' && raw !== 'json')
    throw new ConfigError(`LOG_FORMAT must be pretty or json (got "${raw}")`);
  return raw;
}

function trustProxy(env: Env): TrustProxy {
  const parsed = parseTrustProxy(env.TRUST_PROXY);
  if (typeof parsed === 'string') throw new ConfigError(parsed);
  return parsed;
}

function apiKeys(env: Env): string[] {
  const keys = required(env, 'INTERNAL_API_KEYS')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.some((k) => k.length < 16))
    throw new ConfigError('INTERNAL_API_KEYS: every key must be at least 16 characters');
  return keys;
}

/** ADMIN_URL as given (a trailing slash kept off), or the panel's place under PUBLIC_URL. */
function adminUrl(env: Env, publicUrl: string | undefined): string | null {
  const explicit = optional(env, 'ADMIN_URL');
  if (explicit) return url('ADMIN_URL', explicit, ['https:', 'http:']);
  return publicUrl ? `${url('PUBLIC_URL', publicUrl, ['https:', 'http:'])}/admin` : null;
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
/** MINI_APP_URL (https), else PUBLIC_URL/webapp when PUBLIC_URL is https, else null (no Mini App buttons). */
function miniAppUrl(env: Env, publicUrl: string | undefined): string | null {
  const given = optional(env, 'MINI_APP_URL');
  if (given) return url('MINI_APP_URL', given, ['https:']);
  return publicUrl?.startsWith('https://') ? `${url('PUBLIC_URL', publicUrl, ['https:'])}/webapp` : null;
}

export function loadConfig(env: Env = process.env, stdoutIsTty = Boolean(process.stdout.isTTY)): AppConfig {
  const jwtSecret = required(env, 'JWT_SECRET');
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters long');
  const publicUrl = optional(env, 'PUBLIC_URL');
  const webhookSecret = required(env, 'TELEGRAM_WEBHOOK_SECRET');
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret)) {
    throw new ConfigError('TELEGRAM_WEBHOOK_SECRET must be 16..256 characters of A-Z, a-z, 0-9, _ and -');
  }
  const redisPrefix = optional(env, 'REDIS_PREFIX') ?? 'dvorik';
  if (!/^[A-Za-z0-9_.-]{1,32}$/.test(redisPrefix))
    throw new ConfigError('REDIS_PREFIX must be 1..32 of [A-Za-z0-9_.-]');
  return {
    nodeEnv: optional(env, 'NODE_ENV') ?? 'development',
    databaseUrl: url('DATABASE_URL', required(env, 'DATABASE_URL'), ['mysql:']),
    redisUrl: url('REDIS_URL', required(env, 'REDIS_URL'), ['redis:', 'rediss:']),
    redisPrefix,
    jwtSecret,
    clientBotToken: botToken(env, 'CLIENT_BOT_TOKEN'),
    staffBotToken: botToken(env, 'STAFF_BOT_TOKEN'),
    telegramApiRoot: url(
      'TELEGRAM_API_ROOT',
      optional(env, 'TELEGRAM_API_ROOT') ?? 'https://api.telegram.org',
      ['http:', 'https:'],
    ),
    telegramWebhookSecret: webhookSecret,
    publicUrl: publicUrl ? url('PUBLIC_URL', publicUrl, ['https:', 'http:']) : null,
    miniAppUrl: miniAppUrl(env, publicUrl),
    adminUrl: adminUrl(env, publicUrl),
    internalApiKeys: apiKeys(env),
    roles: roles(env),
    port: port(env),
    trustProxy: trustProxy(env),
    webRoot: resolve(optional(env, 'WEB_ROOT') ?? 'web'),
    logLevel: logLevel(env),
    logFormat: logFormat(env, stdoutIsTty),
  };
}
