import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

describe('health, docs and metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness with MySQL and Redis up', async () => {
    expect((await request(t.url).get('/health')).body).toEqual({ status: 'ok' });
    const ready = await request(t.url).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toEqual({
      mysql: { status: 'up' },
      redis: { status: 'up' },
      schema: { status: 'up' },
    });
  });

  it('serves a valid OpenAPI document with bearer and API-key schemes, and the Swagger UI', async () => {
    const json = await request(t.url).get('/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.info.title).toBe('Dvorik API');
    expect(json.body.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      'pos-api-key': { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/health/ready', '/metrics']),
    );
    const ui = await request(t.url).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('exposes HTTP latency, queue depth and process metrics', async () => {
    await request(t.url).get('/health');
    const metrics = await request(t.url).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.text).toMatch(
      /dvorik_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
    expect(metrics.text).toMatch(/dvorik_queue_jobs\{queue="maintenance",state="waiting"\} \d+/);
    expect(metrics.text).toContain('dvorik_process_cpu_seconds_total');
  });

  it('answers 503 naming the failing check when Redis is unreachable', async () => {
    t.redis.disconnect(); // the app's shared connection, as if Redis had gone away (last test of the file)
    const ready = await request(t.url).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error.redis.status).toBe('down');
    expect(ready.body.info.mysql.status).toBe('up');
  });
});

describe('a process without the api role', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ reset: false, env: { APP_ROLES: 'worker' } });
  });
  afterAll(() => t.close());

  it('serves health but not the admin or POS API', async () => {
    expect((await request(t.url).get('/health')).status).toBe(200);
    const api = await request(t.url).post('/api/v1/auth/login').send({ username: 'a', password: 'b' });
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
    expect((await request(t.url).get('/internal/v1/ping')).status).toBe(404);
  });
});
