import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { message } from 'telegraf/filters';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';

const TOKEN = '123456:ABC-client-bot';
const ANYA = { id: 7001, first_name: 'Аня', username: 'anya' };

/** What the test expects telegraf to throw; fails the test with the actual outcome otherwise. */
async function telegramError(call: Promise<unknown>): Promise<TelegramError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TelegramError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a TelegramError, but it succeeded');
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

describe('Telegram Bot API emulator', () => {
  let emulator: TelegramEmulator;
  const botFor = (token = TOKEN): Telegraf =>
    new Telegraf(token, { telegram: { apiRoot: emulator.apiRoot } });

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it('answers getMe with the bot the token names, or the registered profile', async () => {
    expect(emulator.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(botFor().telegram.getMe()).resolves.toMatchObject({
      id: 123456,
      is_bot: true,
      username: 'bot123456',
    });

    emulator.registerBot('777:XYZ', { username: 'dvorik_staff_bot', firstName: 'Дворик' });
    await expect(botFor('777:XYZ').telegram.getMe()).resolves.toMatchObject({
      id: 777,
      username: 'dvorik_staff_bot',
      first_name: 'Дворик',
    });
  });

  it('records sendMessage with its text, chat and time, and answers a realistic Message', async () => {
    const before = new Date();
    const keyboard = Markup.inlineKeyboard([Markup.button.callback('Я подписался', 'check_sub')]);

    const sent = await botFor().telegram.sendMessage(ANYA.id, 'Привет!', keyboard);
    const again = await botFor().telegram.sendMessage(ANYA.id, 'Ещё раз');

    expect(sent).toMatchObject({
      text: 'Привет!',
      chat: { id: ANYA.id, type: 'private' },
      from: { id: 123456, is_bot: true },
      reply_markup: { inline_keyboard: [[{ text: 'Я подписался', callback_data: 'check_sub' }]] },
    });
    expect(again.message_id).toBe(sent.message_id + 1);
    const [call] = emulator.callsOf('sendMessage');
    expect(call).toMatchObject({
      token: TOKEN,
      chatId: ANYA.id,
      params: { chat_id: ANYA.id, text: 'Привет!' },
    });
    expect(call.at.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(call.at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(emulator.sentTo(ANYA.id)).toHaveLength(2);
    expect(emulator.lastMessageTo(ANYA.id)?.text).toBe('Ещё раз');
  });

  it('shows HTML as the user sees it and rejects what Telegram cannot parse', async () => {
    const bot = botFor();
    await bot.telegram.sendMessage(ANYA.id, '<b>Ваш код</b>: 4F7K &lt;3', { parse_mode: 'HTML' });
    expect(emulator.lastMessageTo(ANYA.id)).toMatchObject({
      text: 'Ваш код: 4F7K <3',
      entities: [{ type: 'bold', offset: 0, length: 7 }],
    });

    const error = await telegramError(
      bot.telegram.sendMessage(ANYA.id, 'Скидка <10%', { parse_mode: 'HTML' }),
    );
    expect(error.response.error_code).toBe(400);
    expect(error.description).toMatch(/^Bad Request: can't parse entities/);
  });

  it('records a photo uploaded from a Buffer as multipart', async () => {
    const picture = Buffer.alloc(2048, 7);

    const sent = await botFor().telegram.sendPhoto(ANYA.id, { source: picture }, { caption: 'Новинка 🍬' });

    expect(sent.caption).toBe('Новинка 🍬');
    expect(sent.photo.at(-1)?.file_size).toBe(picture.length);
    const [call] = emulator.callsOf('sendPhoto');
    expect(call.chatId).toBe(ANYA.id);
    expect(call.params).toMatchObject({
      caption: 'Новинка 🍬',
      photo: { filename: 'photo.jpg', size: 2048 },
    });

    const fileId = sent.photo.at(-1)?.file_id ?? '';
    const resent = await botFor().telegram.sendPhoto(ANYA.id, fileId);
    expect(resent.photo.at(-1)?.file_id).toBe(fileId);
    await expect(botFor().telegram.getFile(fileId)).resolves.toMatchObject({
      file_id: fileId,
      file_path: expect.any(String),
    });
  });

  it('answers 403 blocked for a blocked chat until it is unblocked', async () => {
    emulator.blockChat(ANYA.id);

    const error = await telegramError(botFor().telegram.sendMessage(ANYA.id, 'Рассылка'));

    expect(error.response.error_code).toBe(403);
    expect(error.response.description).toBe('Forbidden: bot was blocked by the user');
    expect(emulator.stats.forbidden).toBe(1);
    emulator.unblockChat(ANYA.id);
    await expect(botFor().telegram.sendMessage(ANYA.id, 'Рассылка')).resolves.toMatchObject({
      text: 'Рассылка',
    });
  });

  it('fails the next call with 429 and retry_after, then answers normally', async () => {
    emulator.failNext('sendMessage', { errorCode: 429, retryAfter: 3 });

    const error = await telegramError(botFor().telegram.sendMessage(ANYA.id, 'Рассылка'));

    expect(error.response.error_code).toBe(429);
    expect(error.description).toBe('Too Many Requests: retry after 3');
    expect(error.parameters?.retry_after).toBe(3);
    await expect(botFor().telegram.sendMessage(ANYA.id, 'Рассылка')).resolves.toBeDefined();
    expect(emulator.stats.tooManyRequests).toBe(1);
  });

  it('answers 429 beyond the rate limit within a second and counts them', async () => {
    emulator.setRateLimit(5);
    const bot = botFor();

    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => bot.telegram.sendMessage(1000 + i, `Рассылка ${i}`)),
    );

    const refused = outcomes
      .filter((o) => o.status === 'rejected')
      .map((o) => (o as PromiseRejectedResult).reason);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    expect(refused).toHaveLength(3);
    for (const error of refused) {
      expect(error).toBeInstanceOf(TelegramError);
      expect((error as TelegramError).parameters?.retry_after).toBe(1);
    }
    expect(emulator.stats.tooManyRequests).toBe(3);
    emulator.setRateLimit(null);
  });

  it('answers getChatMember with the scripted status, left otherwise, or the scripted failure', async () => {
    const telegram = botFor().telegram;
    emulator.setChatMember('@marmeladny_dvorik', ANYA.id, 'member');

    await expect(telegram.getChatMember('@marmeladny_dvorik', ANYA.id)).resolves.toMatchObject({
      status: 'member',
      user: { id: ANYA.id },
    });
    await expect(telegram.getChatMember('@marmeladny_dvorik', 42)).resolves.toMatchObject({ status: 'left' });

    emulator.failChatMember('@marmeladny_dvorik', undefined, {
      errorCode: 400,
      description: 'Bad Request: chat not found',
    });
    const error = await telegramError(telegram.getChatMember('@marmeladny_dvorik', ANYA.id));
    expect(error.description).toBe('Bad Request: chat not found');
  });

  it('answers unknown methods with 404 and missing parameters with 400, like Telegram', async () => {
    const telegram = botFor().telegram;

    const unknown = await telegramError(telegram.callApi('sendTelepathy' as 'getMe', {}));
    expect(unknown.response).toMatchObject({ error_code: 404, description: 'Not Found: method not found' });
    const noText = await telegramError(telegram.callApi('sendMessage', { chat_id: ANYA.id } as never));
    expect(noText.description).toBe('Bad Request: message text is empty');
    const noChat = await telegramError(telegram.callApi('sendMessage', { text: 'Привет' } as never));
    expect(noChat.description).toBe('Bad Request: chat_id is empty');
  });

  describe('with a bot behind its webhook', () => {
    const SECRET = 'webhook-secret_1';
    let bot: Telegraf;
    let server: http.Server;
    let webhookUrl: string;
    const memberChanges: string[] = [];

    beforeAll(async () => {
      bot = botFor();
      bot.start((ctx) =>
        ctx.reply(
          `payload: ${ctx.payload}`,
          Markup.inlineKeyboard([Markup.button.callback('Я подписался', 'check_sub')]),
        ),
      );
      bot.action('check_sub', async (ctx) => {
        await ctx.answerCbQuery('Проверяю…');
        await ctx.reply('Подписка есть!');
      });
      bot.on('chat_member', (ctx) => {
        memberChanges.push(ctx.chatMember.new_chat_member.status);
      });
      server = http.createServer(bot.webhookCallback('/telegram/client', { secretToken: SECRET }));
      webhookUrl = `http://127.0.0.1:${await listen(server)}/telegram/client`;
      await bot.telegram.setWebhook(webhookUrl, { secret_token: SECRET });
    });

    afterAll(async () => {
      await bot.telegram.deleteWebhook();
      await close(server);
    });

    it('delivers /start with its payload and a button press, and records the replies', async () => {
      expect(emulator.webhookOf(TOKEN)).toMatchObject({ secretToken: SECRET });

      const started = await emulator.sendText(TOKEN, ANYA, '/start ref_abc');

      expect(started).toMatchObject({ route: 'webhook', status: 200 });
      expect(started.updateId).toBe(emulator.lastUpdateId);
      expect(emulator.lastMessageTo(ANYA.id)?.text).toBe('payload: ref_abc');

      const pressed = await emulator.pressButton(TOKEN, ANYA, 'check_sub');

      expect(pressed.status).toBe(200);
      expect(pressed.webhookReply).toMatchObject({
        method: 'answerCallbackQuery',
        viaWebhookReply: true,
        params: { text: 'Проверяю…' },
        response: { body: { ok: true } },
      });
      const reply = await emulator.waitFor(
        (c) => c.method === 'sendMessage' && c.params.text === 'Подписка есть!',
      );
      expect(reply.chatId).toBe(ANYA.id);
    });

    it('is refused by the bot when the secret token is wrong, and the bot does not reply', async () => {
      const delivered = await emulator.sendText(TOKEN, ANYA, '/start ref_evil', { secretToken: 'wrong' });

      expect(delivered.status).toBe(403);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(emulator.sentTo(ANYA.id)).toHaveLength(0);
    });

    it('sends chat_member updates only once the bot subscribed to them, as Telegram does', async () => {
      const channel = { id: -1001234567890, username: 'marmeladny_dvorik' };

      const skipped = await emulator.chatMemberUpdate(TOKEN, channel, ANYA, 'left', 'member');
      expect(skipped.route).toBe('filtered');

      await bot.telegram.setWebhook(webhookUrl, {
        secret_token: SECRET,
        allowed_updates: ['message', 'callback_query', 'chat_member'],
      });
      const delivered = await emulator.chatMemberUpdate(TOKEN, channel, ANYA, 'member', 'left');

      expect(delivered.status).toBe(200);
      expect(memberChanges).toEqual(['left']);
      await expect(bot.telegram.getChatMember('@marmeladny_dvorik', ANYA.id)).resolves.toMatchObject({
        status: 'left',
      });
    });
  });

  it('can be driven from another process through /_emulator/*', async () => {
    const control = (path: string, body: unknown): Promise<Response> =>
      fetch(`${emulator.apiRoot}/_emulator/${path}`, { method: 'POST', body: JSON.stringify(body) });

    await control('chat-member', { chatId: '@marmeladny_dvorik', userId: ANYA.id, status: 'administrator' });
    await control('block', { chatId: 8002 });

    await expect(botFor().telegram.getChatMember('@marmeladny_dvorik', ANYA.id)).resolves.toMatchObject({
      status: 'administrator',
    });
    const blocked = await telegramError(botFor().telegram.sendMessage(8002, 'Привет'));
    expect(blocked.code).toBe(403);
    const calls = (await (
      await fetch(`${emulator.apiRoot}/_emulator/calls?method=sendMessage&chatId=8002`)
    ).json()) as unknown[];
    expect(calls).toEqual([expect.objectContaining({ method: 'sendMessage', chatId: 8002 })]);
  });

  it('lets a polling bot receive a queued update and reply', async () => {
    const token = '654321:POLLING';
    const bot = botFor(token);
    bot.on(message('text'), (ctx) => ctx.reply(`Вы написали: ${ctx.message.text}`));

    const queued = await emulator.sendText(token, ANYA, 'Здравствуйте');
    expect(queued.route).toBe('queue');
    const running = bot.launch();
    try {
      const reply = await emulator.waitFor((c) => c.token === token && c.method === 'sendMessage');
      expect(reply.params.text).toBe('Вы написали: Здравствуйте');
    } finally {
      bot.stop('test over');
      await running;
    }
  });
});
