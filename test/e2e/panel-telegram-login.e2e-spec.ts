import request from 'supertest';
import { Admin } from '../../src/modules/staff/persistence/admin.entity';
import { anAdmin } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { EmulatedMessage } from '../support/telegram-emulator/types';
import { createTestApp, TestApp } from '../support/test-app';

const OWNER = { id: 9301, first_name: 'Ольга', username: 'olga_panel' };
const ADMIN_URL = 'https://dvorik.example.ru/panel';

/** The link of the message's text_link entity. */
function linkOf(message: EmulatedMessage): string | undefined {
  const entity = message.entities?.find((e) => e.type === 'text_link');
  return entity && 'url' in entity ? entity.url : undefined;
}

describe('one-tap login from the staff bot into the panel', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let STAFF: string;
  let owner: Admin;

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots', ADMIN_URL },
    });
    STAFF = t.config.staffBotToken;
    owner = await anAdmin(t.dataSource, { role: 'owner', telegramId: OWNER.id, username: 'olga_panel' });
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  it('sends a protected link to ADMIN_URL carrying a token that logs in once', async () => {
    await emulator.sendText(STAFF, OWNER, '/login');
    const reply = emulator.lastMessageTo(OWNER.id, STAFF) as EmulatedMessage;

    const link = linkOf(reply) ?? '';
    expect(link).toMatch(/^https:\/\/dvorik\.example\.ru\/panel\/login#token=[A-Za-z0-9_-]{43}$/);
    expect(reply.reply_markup?.inline_keyboard).toEqual([[{ text: '🔑 Войти в панель', url: link }]]);
    expect(reply.has_protected_content).toBe(true);
    expect(reply.text).toContain('в течение 10 мин.');
    const token = new URLSearchParams(link.split('#')[1]).get('token') ?? '';
    // The same token is shown as a code, for pasting on the login page when the link does not open.
    expect(reply.text).toContain(token);

    const exchanged = await request(t.url).post('/api/v1/auth/telegram').send({ token });
    expect(exchanged.status).toBe(200);
    const me = await request(t.url)
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${exchanged.body.accessToken as string}`);
    expect(me.body).toMatchObject({ id: owner.id, role: 'owner' });

    const again = await request(t.url).post('/api/v1/auth/telegram').send({ token });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('keeps the token for 10 minutes at most', async () => {
    await emulator.sendText(STAFF, OWNER, '/login');
    const link = linkOf(emulator.lastMessageTo(OWNER.id, STAFF) as EmulatedMessage) ?? '';
    expect(link).toContain('/login#token=');
    const keys = await t.redis.keys(`${t.config.redisPrefix}:auth:telegram-login:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await t.redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(600);
    }
  });
});
