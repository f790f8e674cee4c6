import { smoke } from '../../scripts/smoke';
import { anAdminWithPassword, TEST_PASSWORD } from '../support/auth';
import { aUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** scripts/smoke.ts, which calls the API through the typed client @dvorik/api, against the test app. */
describe('the smoke run through the typed client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('passes every step against a shop with one client and one owner', async () => {
    const owner = await anAdminWithPassword(t, { role: 'owner' });
    await aUser(t.dataSource, { isTest: true });
    const lines: string[] = [];
    const result = await smoke(
      t.url,
      { username: owner.username, password: TEST_PASSWORD, posKey: t.config.internalApiKeys[0] },
      (line) => lines.push(line),
    );
    expect(lines.filter((line) => line.startsWith('FAIL'))).toEqual([]);
    expect(result).toEqual({ passed: 12, failed: 0 });
  });
});
