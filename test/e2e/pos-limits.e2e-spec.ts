import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/common/audit/audit-entry';
import { DiscountUsageLog } from '../../src/modules/codes/persistence/discount-usage-log.entity';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { SettingKey } from '../../src/modules/settings/domain/setting-definitions';
import { aDiscount, aUser } from '../support/factories';
import { deleteKeys } from '../support/global-teardown';
import { createTestApp, eventually, TestApp } from '../support/test-app';

describe('POS limits per API key', () => {
  let t: TestApp;
  const [KEY_1, KEY_2] = ['pos-test-key-0123456789abcdef', 'pos-second-key-0123456789'];
  const validate = (key: string, code: string) =>
    request(t.url).post('/internal/v1/discounts/validate').set('X-API-Key', key).send({ code });
  const set = (key: SettingKey, value: number) =>
    t.commands.execute(new ChangeSettingCommand(key, value, SYSTEM_ACTOR));
  const logRows = () => t.dataSource.getRepository(DiscountUsageLog).count();

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
  });
  beforeEach(() => deleteKeys(t.redis, `${t.config.redisPrefix}:limit:pos:*`));
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED beyond pos.checks_per_minute, per key, and logs no row for a refusal', async () => {
    await set('pos.checks_per_minute', 5);
    const { code } = await aDiscount(t.dataSource, await aUser(t.dataSource));
    const before = await logRows();

    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await validate(KEY_1, code));

    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    for (const refused of answers.slice(5)) {
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({
        code: 'RATE_LIMITED',
        details: { retryAfterSeconds: expect.any(Number) },
      });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    // Another till's key has its own minute.
    expect((await validate(KEY_2, code)).status).toBe(200);
    // The 20 refusals were answered by the guard before any handler ran: 6 checks, 6 rows.
    await eventually(async () => (await logRows()) - before === 6);
    const metrics = await request(t.url).get('/metrics');
    expect(metrics.text).toMatch(/dvorik_pos_refused_total\{reason="rate"\} 20/);
    await set('pos.checks_per_minute', 120);
  });

  it('pauses a key for a minute after more than pos.unknown_codes_per_minute unknown codes, like a cashier', async () => {
    await set('pos.unknown_codes_per_minute', 3);
    const { code } = await aDiscount(t.dataSource, await aUser(t.dataSource));

    const guesses = [];
    for (let i = 0; i < 4; i++) guesses.push(await validate(KEY_1, `ZZZZZZ${i}${i}`));

    expect(guesses.map((g) => g.body.error.code)).toEqual(Array(4).fill('DISCOUNT_NOT_FOUND'));
    const paused = await validate(KEY_1, code);
    expect(paused.status).toBe(429);
    expect(paused.body.error.message).toMatch(/unknown codes/);
    expect(Number(paused.headers['retry-after'])).toBeGreaterThan(50);
    // A known code that is refused for another reason does not count; the other key is not paused.
    expect((await validate(KEY_2, code)).status).toBe(200);
    await set('pos.unknown_codes_per_minute', 10);
  });
});
