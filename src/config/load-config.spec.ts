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
    expect(config.trustProxy).toBe(false);
  });

  it('reads TRUST_PROXY as hops or a list of proxies', () => {
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '::1',
    ]);
  });

  it.each([
    [{ JWT_SECRET: undefined }, 'JWT_SECRET is required'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL must start with mysql://'],
    [{ REDIS_URL: 'nonsense' }, 'REDIS_URL is not a valid URL'],
    [{ CLIENT_BOT_TOKEN: 'abc' }, 'CLIENT_BOT_TOKEN does not look like a bot token'],
    [{ APP_ROLES: 'api,web' }, 'APP_ROLES must be'],
    [{ PORT: '99999' }, 'PORT must be'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY=true would trust anyone'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY must be'],
    [{ TRUST_PROXY: 'proxy.local' }, 'TRUST_PROXY must be'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ INTERNAL_API_KEYS: 'short' }, 'INTERNAL_API_KEYS'],
    [{ TELEGRAM_WEBHOOK_SECRET: 'bad secret!' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ MINI_APP_URL: 'http://shop.example/webapp' }, 'MINI_APP_URL must start with https://'],
    [{ ADMIN_URL: 'ftp://panel' }, 'ADMIN_URL must start with'],
  ])('refuses %j with a line naming the variable', (override, message) => {
    expect(() => loadConfig({ ...valid, ...override })).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, ...override })).toThrow(message);
  });

  it('logs pretty at a terminal and JSON otherwise, unless LOG_FORMAT says which', () => {
    expect(loadConfig(valid, true).logFormat).toBe('pretty');
    expect(loadConfig(valid, false).logFormat).toBe('json');
    expect(loadConfig({ ...valid, LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(loadConfig({ ...valid, LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(() => loadConfig({ ...valid, LOG_FORMAT: 'yaml' })).toThrow('LOG_FORMAT must be pretty or json');
  });

  it('gives the Mini Apps an https address: MINI_APP_URL, else an https PUBLIC_URL/webapp, else none', () => {
    expect(loadConfig(valid).miniAppUrl).toBeNull();
    expect(loadConfig({ ...valid, PUBLIC_URL: 'http://127.0.0.1:3000' }).miniAppUrl).toBeNull();
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://shop.example/' }).miniAppUrl).toBe(
      'https://shop.example/webapp',
    );
    expect(
      loadConfig({ ...valid, PUBLIC_URL: 'https://shop.example', MINI_APP_URL: 'https://cdn.example/app/' })
        .miniAppUrl,
    ).toBe('https://cdn.example/app');
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
