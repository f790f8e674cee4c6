import { MENU_BUTTONS } from './client-menu';
import { BIRTHDAY_HINTS } from '../../modules/users/domain/typed-birthday';

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
  birthdayHint: BIRTHDAY_HINTS,
  cancelHint: 'Передумали — отправьте /cancel.',
  birthdayTypeAgain: 'Хорошо! Напишите дату ещё раз: <b>ДД.ММ.ГГГГ</b> или <b>ДД.ММ</b>.',
  birthdayAsText: 'Напишите, пожалуйста, дату текстом: например, 25.11.1990.',
  birthdayExpired: `Время на ответ истекло. Нажмите «${MENU_BUTTONS.birthday}», чтобы указать дату.`,

  cancelled: 'Хорошо, ничего не сохраняю.',
  nothingToCancel: 'Отменять нечего.',
  staleButton: 'Эта кнопка больше не действует.',
};
