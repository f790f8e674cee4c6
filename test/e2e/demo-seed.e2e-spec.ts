import { seedDemoShop } from '../../src/cli/demo/seed-demo-shop';
import { createTestApp, TestApp } from '../support/test-app';

describe('demo shop seeding (npm run seed:demo)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
  });
  afterAll(() => t.close());

  it('adds clients, codes, redemptions and broadcasts, all marked as test data, twice without clashes', async () => {
    const options = { users: 300, codesPerUser: 3, seed: 5, now: new Date() };
    const first = await seedDemoShop(t.dataSource, options);
    const second = await seedDemoShop(t.dataSource, { ...options, seed: 6 });
    expect(first).toMatchObject({ users: 300, discounts: 900, broadcasts: 5 });
    expect(first.redemptions).toBeGreaterThan(50);
    expect(second.discounts).toBe(900);
    const [counts] = await t.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM users WHERE is_test = 1) AS testUsers, (SELECT COUNT(*) FROM users WHERE is_test = 0) AS realUsers,
              (SELECT COUNT(*) FROM discounts WHERE is_test = 0) AS realCodes,
              (SELECT COUNT(*) FROM discount_usage_logs) AS redemptions,
              (SELECT COUNT(*) FROM users WHERE referred_by_user_id IS NOT NULL) AS referred`,
    );
    expect(Number(counts.testUsers)).toBe(600);
    expect(Number(counts.realUsers)).toBe(0);
    expect(Number(counts.realCodes)).toBe(0);
    expect(Number(counts.redemptions)).toBe(first.redemptions + second.redemptions);
    expect(Number(counts.referred)).toBeGreaterThan(30);
  });

  it('counts the rows as real clients with markAsTest: false (the demo database of npm run demo)', async () => {
    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM users WHERE is_test = 0');
    const counts = await seedDemoShop(t.dataSource, {
      users: 100,
      codesPerUser: 2,
      seed: 7,
      now: new Date(),
      markAsTest: false,
    });
    const [after] = await t.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM users WHERE is_test = 0) AS realUsers,
              (SELECT COUNT(*) FROM discounts WHERE is_test = 0) AS realCodes,
              (SELECT COUNT(*) FROM broadcasts WHERE is_test = 0) AS realBroadcasts`,
    );
    expect(Number(after.realUsers) - Number(before[0].n)).toBe(100);
    expect(Number(after.realCodes)).toBe(counts.discounts);
    expect(Number(after.realBroadcasts)).toBe(5);
  });
});
