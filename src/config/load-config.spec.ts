import { ConfigError, loadConfig } from './load-config';

const valid = {
  DATABASE_URL: 'mysql://root@127.0.0.1:3306/dvorik',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
  CLIENT_BOT_TOKEN: '111111:client-token-abcdef',
  STAFF_BOT_TOKEN: '222222:staff-token-abcdef',
  TELEGRAM_WEBHOOK_SECRET: 'webhook-secret-123456',
  INTERNAL_API_KEYS: 'pos-key-0123456789abcdef, second-key-0123456789',
};

describe('loadConfig', () => {
  it('reads a valid environment with defaults', () => {
    const config = loadConfig(valid);
    expect(config.roles).toEqual(new Set(['api', 'bots', 'worker', 'scheduler']));
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBeNull();
    expect(config.adminUrl).toBeNull();
    expect(config.telegramApiRoot).toBe('https://api.telegram.org');
    expect(config.internalApiKeys).toEqual(['pos-key-0123456789abcdef', 'second-key-0123456789']);
  });

  it.each([
    [{ JWT_SECRET: undefined }, 'JWT_SECRET is required'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL must start with mysql://'],
    [{ REDIS_URL: 'nonsense' }, 'REDIS_URL is not a valid URL'],
    [{ CLIENT_BOT_TOKEN: 'abc' }, 'CLIENT_BOT_TOKEN does not look like a bot token'],
    [{ APP_ROLES: 'api,web' }, 'APP_ROLES must be'],
    [{ PORT: '99999' }, 'PORT must be'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ INTERNAL_API_KEYS: 'short' }, 'INTERNAL_API_KEYS'],
    [{ TELEGRAM_WEBHOOK_SECRET: 'bad secret!' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ ADMIN_URL: 'ftp://panel' }, 'ADMIN_URL must start with'],
  ])('refuses %j with a line naming the variable', (override, message) => {
    expect(() => loadConfig({ ...valid, ...override })).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, ...override })).toThrow(message);
  });

  it('accepts a subset of roles', () => {
    expect(loadConfig({ ...valid, APP_ROLES: 'worker, scheduler' }).roles).toEqual(
      new Set(['worker', 'scheduler']),
    );
  });

  it('places the admin panel under PUBLIC_URL unless ADMIN_URL says otherwise', () => {
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://dvorik.example.ru/' }).adminUrl).toBe(
      'https://dvorik.example.ru/admin',
    );
    expect(
      loadConfig({
        ...valid,
        PUBLIC_URL: 'https://dvorik.example.ru',
        ADMIN_URL: 'https://panel.example.ru/',
      }).adminUrl,
    ).toBe('https://panel.example.ru');
  });
});
