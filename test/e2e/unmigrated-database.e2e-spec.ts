import request from 'supertest';
import { createConnection } from 'mysql2/promise';
import { createTestApp, TestApp } from '../support/test-app';

/** A database nobody migrated: the app says so at /health/ready instead of failing on the first login. */
describe('an un-migrated database', () => {
  const server = new URL(process.env.DATABASE_URL as string);
  const name = `${server.pathname.slice(1)}_empty`;
  let t: TestApp;

  beforeAll(async () => {
    const connection = await createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username),
      password: decodeURIComponent(server.password),
    });
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
    await connection.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    t = await createTestApp({ reset: false, env: { DATABASE_URL: url.toString(), APP_ROLES: 'api' } });
  });
  afterAll(async () => {
    await t?.dataSource.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await t?.close();
  });

  it('is not ready, naming the migrations to run and the command', async () => {
    const ready = await request(t.url).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error.schema).toMatchObject({
      status: 'down',
      message: expect.stringContaining('npm run migration:run'),
      pending: expect.arrayContaining([expect.stringMatching(/^CreateSchema/)]),
    });
    expect(ready.body.info).toMatchObject({ mysql: { status: 'up' }, redis: { status: 'up' } });
  });
});
