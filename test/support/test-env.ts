/** The environment every test app runs with; global-setup adds DATABASE_URL and REDIS_PREFIX for the run. */
export function testEnv(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    REDIS_PREFIX: process.env.REDIS_PREFIX,
    JWT_SECRET: 'test-jwt-secret-that-is-long-enough-0123456789',
    CLIENT_BOT_TOKEN: '111111:client-bot-token-for-tests',
    STAFF_BOT_TOKEN: '222222:staff-bot-token-for-tests',
    TELEGRAM_WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
    INTERNAL_API_KEYS: 'pos-test-key-0123456789abcdef,pos-second-key-0123456789',
    TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...overrides,
  };
}

/** Refuses to touch a database whose name does not say it is a test database. */
export function assertTestDatabase(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/test/i.test(name))
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test"`);
  return name;
}
