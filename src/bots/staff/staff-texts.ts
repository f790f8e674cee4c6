import { escapeHtml } from '../../modules/message-templates/domain/render-message';
import { FullNameRule } from '../../modules/staff/domain/cashier-full-name';

/** What the staff bot says (Russian, friendly, short). Telegram HTML where a text says so. */
export const STAFF_TEXTS = {
  offer:
    'Здравствуйте! Это служебный бот магазина «Мармеладный Дворик». Здесь кассиры проверяют и погашают ' +
    'коды скидок покупателей.\n\nЧтобы стать кассиром, оставьте заявку — владелец магазина её рассмотрит.',
  offerButton: '📝 Стать кассиром',
  unknownCommand: 'Такой команды я не знаю.',
  onlyText: 'Я понимаю только текстовые сообщения и команды.',
  staleButton: 'Эта кнопка больше не действует.',
  ownersOnly: 'Решения по заявкам кассиров принимает владелец магазина.',
  cancelled: 'Хорошо, ничего не сохраняю. Чтобы начать заново, отправьте /start.',
  nothingToCancel: 'Отменять нечего. Чтобы начать, отправьте /start.',

  askFullName:
    'Напишите, пожалуйста, ваши фамилию и имя — так владелец поймёт, кто вы. Например: Иванова Анна.\n\n' +
    'Передумали — отправьте /cancel.',
  nameAsText: 'Напишите, пожалуйста, фамилию и имя обычным текстом. Например: Иванова Анна.',
  nameProblem: {
    length: 'Имя должно быть длиной от 2 до 128 символов.',
    characters: 'В имени можно использовать только буквы, пробелы, дефис, точку и апостроф.',
    two_words: 'Нужны и фамилия, и имя.',
  } satisfies Record<FullNameRule, string>,
  applicationSent: (fullName: string) =>
    `Спасибо, ${fullName}! Заявка отправлена владельцу магазина. Я напишу, как только он её рассмотрит.`,

  adminHello: (username: string) =>
    `Здравствуйте, ${username}! Вы администратор магазина.\n\n` +
    '/login — одноразовый код для входа в панель администратора.',

  loginToken: (token: string, minutes: number, loginLink: string | null) =>
    (loginLink
      ? `🔑 <a href="${escapeHtml(loginLink)}">Войти в панель администратора</a> — одним нажатием, ` +
        `в течение ${minutes} мин.\n\nЕсли ссылка не открывается, введите на странице входа этот код:\n\n` +
        `<code>${escapeHtml(token)}</code>\n\n`
      : `🔑 Ваш одноразовый код для входа:\n\n<code>${escapeHtml(token)}</code>\n\n` +
        `Введите его на странице входа в панель администратора в течение ${minutes} мин.\n\n`) +
    'Ссылка и код действуют один раз; никому их не пересылайте.',
  loginButton: '🔑 Войти в панель',
  loginNotLinked:
    'Вход через бота доступен администраторам, чей Telegram привязан к учётной записи. Получите код привязки ' +
    'в панели администратора (POST /api/v1/auth/link-code) и отправьте его сюда: /link КОД',
  linkUsage:
    'Отправьте код привязки вместе с командой: /link КОД\nКод выдаёт панель администратора ' +
    '(POST /api/v1/auth/link-code).',
  linked: (username: string) =>
    `Готово! Этот Telegram привязан к администратору <b>${escapeHtml(username)}</b>. ` +
    'Теперь можно входить командой /login.',
  linkInvalid:
    'Код привязки не подошёл: он неверный, истёк или уже использован. Получите новый в панели администратора.',
};
