import request from 'supertest';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { RenderMessageQuery } from '../../src/modules/message-templates/queries/render-message.query';
import { loginAs } from '../support/auth';
import { createTestApp, eventually, TestApp } from '../support/test-app';

describe('message templates API', () => {
  let t: TestApp;
  let marketing: { Authorization: string };
  let readonly: { Authorization: string };
  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    marketing = (await loginAs(t, 'marketing')).auth;
    readonly = (await loginAs(t, 'readonly')).auth;
  });
  afterAll(() => t.close());

  it('lists the seeded Russian templates with their placeholders', async () => {
    const response = await request(t.url).get('/api/v1/message-templates').set(readonly);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 16, page: 1, limit: 20 });
    expect(response.body.items).toHaveLength(16);
    const welcome = response.body.items.find((m: { key: string }) => m.key === 'welcome');
    expect(welcome.placeholders).toEqual(['first_name']);
    expect(welcome.text).toMatch(/[а-яё]/i);
    expect((await request(t.url).get('/api/v1/message-templates/nope').set(readonly)).body.error.code).toBe(
      'MESSAGE_TEMPLATE_NOT_FOUND',
    );
  });

  it('has seeded texts that all pass the same checks a save makes', async () => {
    const all = await request(t.url).get('/api/v1/message-templates').set(readonly);
    for (const { key } of all.body.items as Array<{ key: string }>) {
      const preview = await request(t.url)
        .post(`/api/v1/message-templates/${key}/preview`)
        .set(marketing)
        .send({});
      expect({ key, status: preview.status, error: preview.body.error }).toEqual({
        key,
        status: 200,
        error: undefined,
      });
      expect(preview.body.html).not.toMatch(/\{[a-z_]+\}/);
    }
  });

  it('saves a new text that the bots render at once (the cache is dropped), audited', async () => {
    // Warm the render cache with the old text first.
    await t.queries.execute(new RenderMessageQuery('welcome', { first_name: 'Анна' }));
    const text = 'Привет, <b>{first_name}</b>! Сладкого дня 🍬';
    const saved = await request(t.url).put('/api/v1/message-templates/welcome').set(marketing).send({ text });
    expect(saved.status).toBe(200);
    expect(saved.body.text).toBe(text);
    expect(await t.queries.execute(new RenderMessageQuery('welcome', { first_name: '<Олег>' }))).toBe(
      'Привет, <b>&lt;Олег&gt;</b>! Сладкого дня 🍬',
    );
    const audit = await eventually(() =>
      t.dataSource.getRepository(AuditLog).findOneBy({ action: 'message_template.changed' }),
    );
    expect(audit?.changes).toMatchObject({ after: text });
  });

  it('refuses unknown placeholders and HTML Telegram would not take', async () => {
    const unknown = await request(t.url)
      .put('/api/v1/message-templates/welcome')
      .set(marketing)
      .send({ text: 'Код: {code}' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'PLACEHOLDER_UNKNOWN', details: { unknown: ['code'] } });
    const html = await request(t.url)
      .put('/api/v1/message-templates/welcome')
      .set(marketing)
      .send({ text: '<div>{first_name}</div>' });
    expect(html.status).toBe(400);
    expect(html.body.error.code).toBe('VALIDATION_FAILED');
    expect(html.body.error.details.fields[0].errors[0]).toContain('<div>');
  });

  it('previews a draft with sample values without saving it', async () => {
    const response = await request(t.url)
      .post('/api/v1/message-templates/discount_issued/preview')
      .set(marketing)
      .send({ text: '{first_name}, ваш код <code>{code}</code> на {value}', values: { first_name: 'Олег' } });
    expect(response.status).toBe(200);
    expect(response.body.html).toBe('Олег, ваш код <code>AB2C3D4E</code> на 10 %');
    const stored = await request(t.url).get('/api/v1/message-templates/discount_issued').set(readonly);
    expect(stored.body.text).not.toContain('ваш код <code>{code}</code> на {value}');
  });

  it('lets readonly read but not write', async () => {
    const response = await request(t.url)
      .put('/api/v1/message-templates/help')
      .set(readonly)
      .send({ text: 'x' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN_ROLE');
  });
});
