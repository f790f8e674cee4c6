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
    // what the alerts read (monitoring/alerts.yml), filled at scrape time
    expect(metrics.text).toContain('dvorik_dependency_up{dependency="database"} 1');
    expect(metrics.text).toContain('dvorik_dependency_up{dependency="redis"} 1');
    expect(metrics.text).toMatch(/^dvorik_send_limiter_backlog_seconds \d/m);
    expect(metrics.text).toMatch(/^dvorik_send_limiter_pause_seconds 0$/m);
    // prom-client's gauges named like counters are left out (`promtool check metrics` clean)
    expect(metrics.text).not.toContain('dvorik_nodejs_active_handles_total');
    expect(metrics.text).toMatch(/^dvorik_nodejs_active_handles\{/m);
  });

  it('reports when a broadcast being sent last progressed', async () => {
    const startedAt = new Date(Date.now() - 3600_000);
    const { insertId } = (await t.dataSource.query(
      "INSERT INTO broadcasts (title, text, status, started_at) VALUES ('Зависшая', 'Привет', 'sending', ?)",
      [startedAt],
    )) as { insertId: number };
    const metrics = await request(t.url).get('/metrics');
    const at = new RegExp(
      `^dvorik_broadcast_last_progress_timestamp_seconds\\{broadcast="${insertId}"\\} (\\S+)$`,
      'm',
    ).exec(metrics.text);
    expect(Number(at?.[1])).toBeCloseTo(startedAt.getTime() / 1000, 0);
    await t.dataSource.query("UPDATE broadcasts SET status = 'failed' WHERE id = ?", [insertId]);
    expect((await request(t.url).get('/metrics')).text).not.toContain(`broadcast="${insertId}"`);
  });

  it('answers 503 naming the failing check when Redis is unreachable', async () => {
    t.redis.disconnect(); // the app's shared connection, as if Redis had gone away (last test of the file)
    const ready = await request(t.url).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error.redis.status).toBe('down');
    expect(ready.body.info.mysql.status).toBe('up');
    // /metrics still answers, and says which dependency is gone
    const metrics = await request(t.url).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('dvorik_dependency_up{dependency="redis"} 0');
    expect(metrics.text).toContain('dvorik_dependency_up{dependency="database"} 1');
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
