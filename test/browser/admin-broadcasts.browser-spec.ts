import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { Broadcast } from '../../src/modules/broadcasts/persistence/broadcast.entity';
import { ensureAdminBuilt, panelPageAs, seriousViolations } from '../support/admin-panel';
import { aSegment, broadcastIn, broadcastSettings, countBy } from '../support/broadcasts';
import { launchBrowser } from '../support/browser';
import { aUser } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, eventually, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** Рассылки: compose with a photo from the computer and a button, send, watch the progress to its end. */
describe('composing and sending a broadcast in the panel', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    ensureAdminBuilt();
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,worker,scheduler' },
    });
    await broadcastSettings(t, { rate: 50, paid: false, maxAttempts: 3, chunkSize: 1000 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
    await emulator.stop();
  });

  it('sends a photo with a button to the segment: progress reaches the end, each client gets it once', async () => {
    const recipients = await Promise.all(
      [1, 2, 3, 4, 5].map(() => aUser(t.dataSource, { tags: ['сладкоежки'] })),
    );
    await aUser(t.dataSource, { tags: ['другие'] });
    const segment = await aSegment(t, { all: [{ field: 'tags', op: 'any', value: ['сладкоежки'] }] });
    const { page } = await panelPageAs(t, browser, 'marketing');

    await page.goto(`${t.url}/admin/broadcasts/create`);
    await page.getByLabel('Название (клиенты его не видят)').fill('Мишки недели');
    await page.getByLabel('Фото').check();
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(4000)]);
    await page
      .getByLabel('Файл фото')
      .setInputFiles({ name: 'мишки.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.getByText('Загружен файл: мишки.jpg').waitFor();

    const text = page.getByLabel('Текст сообщения');
    await text.fill('Облепиховые мишки');
    await text.selectText();
    await page.getByRole('button', { name: 'Жирный' }).click();
    expect(await text.inputValue()).toBe('<b>Облепиховые мишки</b>');
    await page.getByRole('button', { name: 'Добавить кнопку' }).click();
    await page.getByLabel('Надпись кнопки 1.1').fill('Каталог');
    await page.getByLabel('Ссылка кнопки 1.1').fill('https://marmeladny-dvorik.ru/catalog');
    await page.getByLabel('Кому').selectOption(String(segment.id));
    await page.getByTestId('audience-count').getByText('Получателей сейчас: 5').waitFor();
    const preview = page.getByRole('figure', { name: 'Предпросмотр сообщения в Telegram' });
    await preview.locator('b', { hasText: 'Облепиховые мишки' }).waitFor();
    await preview.getByText('Каталог ↗').waitFor();
    await preview.getByRole('img', { name: 'Фото рассылки' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('button', { name: 'Отправить сейчас' }).waitFor();
    const broadcast = await eventually(() =>
      t.dataSource.getRepository(Broadcast).findOneBy({ title: 'Мишки недели' }),
    );
    expect(broadcast).toMatchObject({
      contentType: 'photo',
      text: '<b>Облепиховые мишки</b>',
      segmentId: segment.id,
    });
    expect(broadcast?.media).toMatch(/^upload:\d+$/);

    await page.getByRole('button', { name: 'Отправить сейчас' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Отправить' }).click();
    // The page follows the delivery by itself: no reload.
    await page.getByTestId('progress-sent').getByText('5', { exact: true }).waitFor({ timeout: 20_000 });
    await page.getByTestId('broadcast-status').getByText('Отправлена').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('progress-pending').textContent()).toBe('0');
    expect(await seriousViolations(page)).toEqual([]);

    await broadcastIn(t, broadcast?.id as number, ['sent']);
    const chats = recipients.map((u) => u.telegramId as number);
    const sends = emulator.calls.filter(
      (c) => c.method === 'sendPhoto' && chats.includes(c.chatId as number),
    );
    expect([...countBy(sends.map((c) => c.chatId as number)).values()]).toEqual(chats.map(() => 1));
    for (const chat of chats) {
      const message = emulator.lastMessageTo(chat, t.config.clientBotToken);
      expect(message?.photo?.length).toBeGreaterThan(0);
      expect(message?.caption).toBe('Облепиховые мишки');
      expect(message?.reply_markup?.inline_keyboard).toEqual([
        [{ text: 'Каталог', url: 'https://marmeladny-dvorik.ru/catalog' }],
      ]);
    }
    await page.close();
  });

  it('shows a readonly admin the broadcast without any write control', async () => {
    const { page } = await panelPageAs(t, browser, 'readonly');
    await page.goto(`${t.url}/admin/broadcasts`);
    await page.getByText('Мишки недели').click();
    await page.getByTestId('broadcast-progress').waitFor();
    for (const name of [
      'Отправить тест себе',
      'Отправить сейчас',
      'Запланировать',
      'Отменить рассылку',
      'Изменить',
    ]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await page.goto(`${t.url}/admin/broadcasts`);
    await page.getByText('Мишки недели').waitFor();
    expect(await page.getByRole('link', { name: 'Новая рассылка' }).count()).toBe(0);
    await page.close();
  });
});
