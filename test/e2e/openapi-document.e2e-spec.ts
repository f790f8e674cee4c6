import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The committed document (web/api/openapi.json, which the contract check and the typed client use) is the
 * one the running app serves: `npm run api:generate` builds it without a database, the app with one.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('served at /docs-json is the committed web/api/openapi.json', async () => {
    const committed = JSON.parse(
      readFileSync(join(__dirname, '../../web/api/openapi.json'), 'utf8'),
    ) as unknown;
    const served = await request(t.url).get('/docs-json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(committed);
  });
});
