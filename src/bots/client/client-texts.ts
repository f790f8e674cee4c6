import { MENU_BUTTONS } from './client-menu';
import { BirthdayProblem } from './birthday-input';

/**
 * What the client bot says beyond the message templates: hints, button labels and short replies that
 * the shop does not edit. Russian, friendly, short; Telegram HTML.
 */
export const CLIENT_TEXTS = {
  channelButton: '📢 Открыть канал',
  subscribedButton: 'Я подписался',
  /** The first confirmed subscription; the gift, when one is configured, comes in a message of its own. */
  subscriptionConfirmed: 'Подписка подтверждена — спасибо, что вы с нами! 💛',

  yesButton: 'Да',
  noButton: 'Нет',
  birthdayHint: {
    format:
      'Не получилось разобрать дату 🙈 Напишите её так: <b>ДД.ММ.ГГГГ</b> (например, 25.11.1990) или <b>ДД.ММ</b>.',
    short_year: 'Укажите, пожалуйста, год полностью — четырьмя цифрами, например 25.11.1990.',
    impossible: 'Такой даты нет в календаре 🙂 Проверьте число и месяц, например 25.11.1990.',
    future: 'Эта дата ещё не наступила. Проверьте, пожалуйста, год.',
    age: 'Кажется, в годе опечатка: проверьте, пожалуйста, год рождения.',
  } satisfies Record<BirthdayProblem, string>,
  cancelHint: 'Передумали — отправьте /cancel.',
  birthdayTypeAgain: 'Хорошо! Напишите дату ещё раз: <b>ДД.ММ.ГГГГ</b> или <b>ДД.ММ</b>.',
  birthdayAsText: 'Напишите, пожалуйста, дату текстом: например, 25.11.1990.',
  birthdayExpired: `Время на ответ истекло. Нажмите «${MENU_BUTTONS.birthday}», чтобы указать дату.`,

  cancelled: 'Хорошо, ничего не сохраняю.',
  nothingToCancel: 'Отменять нечего.',
  staleButton: 'Эта кнопка больше не действует.',
};
