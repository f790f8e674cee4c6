import type { ErrorCode } from '@dvorik/api';
import { ApiError } from '../api/api-error';

/**
 * Every ErrorCode the API answers with (the generated type makes a missing one a compile error), as the
 * Russian text the panel shows next to the field or action.
 */
export const ERROR_MESSAGES: Record<ErrorCode | 'NETWORK', string> = {
  VALIDATION_FAILED: 'Проверьте поля формы',
  AUTH_REQUIRED: 'Войдите в панель',
  AUTH_INVALID_CREDENTIALS: 'Неверное имя пользователя или пароль',
  AUTH_LOCKED: 'Слишком много неудачных попыток входа: вход заблокирован на 15 минут',
  AUTH_TOKEN_EXPIRED: 'Сеанс истёк, войдите снова',
  AUTH_TOKEN_INVALID: 'Сеанс недействителен, войдите снова',
  FORBIDDEN_ROLE: 'У вашей роли нет прав на это действие',
  API_KEY_INVALID: 'Неверный ключ кассы',
  WEBHOOK_SECRET_INVALID: 'Неверный секрет вебхука',
  RATE_LIMITED: 'Слишком много запросов, повторите чуть позже',
  NOT_FOUND: 'Не найдено',
  USER_NOT_FOUND: 'Клиент не найден',
  USER_DELETED: 'Клиент удалён',
  TAG_TOO_MANY: 'Не больше 20 тегов у клиента',
  TAG_INVALID: 'Тег: от 1 до 32 букв, цифр, «_» или «-»',
  BIRTH_DATE_INVALID: 'Неверная дата рождения',
  BIRTH_DATE_ALREADY_SET: 'Дата рождения уже указана',
  ADMIN_NOT_FOUND: 'Администратор не найден',
  ADMIN_USERNAME_TAKEN: 'Такое имя пользователя уже занято',
  LAST_OWNER: 'Нельзя убрать последнего владельца',
  CASHIER_NOT_FOUND: 'Кассир не найден',
  CASHIER_NOT_APPROVED: 'Кассир ещё не одобрен',
  CASHIER_ALREADY_DECIDED: 'По этому кассиру уже принято решение',
  TEMPLATE_NOT_FOUND: 'Шаблон скидки не найден',
  TEMPLATE_INACTIVE: 'Шаблон скидки выключен',
  TEMPLATE_IN_USE: 'Шаблон используется: его можно только выключить',
  DISCOUNT_NOT_FOUND: 'Код не найден',
  CODE_ALREADY_USED: 'Код уже использован',
  CODE_EXPIRED: 'Срок действия кода истёк',
  CODE_REVOKED: 'Код отозван',
  CODE_NOT_YET_VALID: 'Код ещё не действует',
  CODE_LIMIT_REACHED: 'Код исчерпал лимит использований',
  MIN_PURCHASE_NOT_MET: 'Сумма покупки меньше минимальной для этого кода',
  GIFT_ALREADY_ISSUED: 'Подарок уже выдан',
  IDEMPOTENCY_CONFLICT: 'Этот запрос уже выполнялся с другими данными',
  SEGMENT_NOT_FOUND: 'Сегмент не найден',
  SEGMENT_FILTER_INVALID: 'Ошибка в правилах сегмента',
  SEGMENT_IN_USE: 'Сегмент используется в рассылке',
  BROADCAST_NOT_FOUND: 'Рассылка не найдена',
  BROADCAST_NOT_EDITABLE: 'Рассылку уже нельзя изменить',
  BROADCAST_SCHEDULE_IN_PAST: 'Время отправки уже прошло',
  BROADCAST_EMPTY: 'В рассылке нет ни текста, ни медиа',
  MEDIA_INVALID: 'Файл или ссылка на медиа не подходит',
  MEDIA_TOO_LARGE: 'Файл слишком большой: фото — до 10 МБ, видео — до 50 МБ',
  MEDIA_TYPE_UNSUPPORTED: 'Такой файл не подойдёт: нужно фото JPEG или PNG либо видео MP4',
  MEDIA_NOT_FOUND: 'Загруженный файл не найден',
  MESSAGE_TEMPLATE_NOT_FOUND: 'Текст бота не найден',
  PLACEHOLDER_UNKNOWN: 'В тексте неизвестная подстановка',
  SETTING_NOT_FOUND: 'Настройка не найдена',
  SETTING_INVALID: 'Недопустимое значение настройки',
  JOB_NOT_FOUND: 'Задача не найдена',
  JOB_NOT_FAILED: 'Задача не завершилась ошибкой',
  TELEGRAM_UNAVAILABLE: 'Telegram сейчас недоступен, повторите позже',
  SERVICE_UNAVAILABLE: 'Сервер ненадолго недоступен (база данных или Redis), повторите через минуту',
  MINI_APP_AUTH_MISSING: 'Мини-приложение открыто не из Telegram',
  MINI_APP_AUTH_INVALID: 'Не удалось проверить вход из Telegram',
  MINI_APP_AUTH_EXPIRED: 'Вход из Telegram устарел, откройте приложение снова',
  MINI_APP_WRONG_BOT: 'Мини-приложение открыто из другого бота магазина',
  CLIENT_NOT_STARTED: 'Клиент ещё не запускал бота',
  CLIENT_BLOCKED_BOT: 'Клиент остановил бота',
  CASHIER_CHECKS_PAUSED: 'Проверки кассира приостановлены: слишком много неверных кодов',
  INTERNAL_ERROR: 'Внутренняя ошибка сервера',
  NETWORK: 'Нет связи с сервером',
};

/** The Russian text of an ErrorCode met as a plain string (a usage log's reject code). */
export function codeMessage(code: string): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? code;
}

/** The Russian text for any error the panel meets (an ApiError by its code, anything else generically). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return ERROR_MESSAGES[error.code] ?? ERROR_MESSAGES.INTERNAL_ERROR;
  return ERROR_MESSAGES.INTERNAL_ERROR;
}

/**
 * The field errors of a VALIDATION_FAILED (or a field-specific code such as TAG_INVALID) as react-admin's
 * `{ errors: { field: message } }`, so each message appears under its input. `fieldOf` names the input a
 * field-less code belongs to.
 */
export function fieldErrors(
  error: unknown,
  fieldOf: Partial<Record<ErrorCode, string>> = {},
): Record<string, string> | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'VALIDATION_FAILED' && error.fields.length > 0) {
    const out: Record<string, string> = {};
    for (const { field } of error.fields) {
      const top = field.split('.')[0] ?? field;
      out[top] = `${ERROR_MESSAGES.VALIDATION_FAILED}: неверное значение`;
    }
    return out;
  }
  const field = error.code === 'NETWORK' ? undefined : fieldOf[error.code];
  return field ? { [field]: errorMessage(error) } : null;
}
