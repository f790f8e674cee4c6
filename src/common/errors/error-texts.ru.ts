import { ErrorCode } from './error-code';

/**
 * What a bot or a Mini App page (`details.text` of the Mini Apps' error answers) says to a person when a
 * command fails with a code. Friendly Russian, no jargon.
 */
export const ERROR_TEXTS_RU: Readonly<Record<ErrorCode, string>> = {
  [ErrorCode.VALIDATION_FAILED]:
    'Не получилось разобрать данные. Проверьте, пожалуйста, и попробуйте ещё раз.',
  [ErrorCode.AUTH_REQUIRED]: 'Нужно войти в систему.',
  [ErrorCode.AUTH_INVALID_CREDENTIALS]: 'Неверное имя пользователя или пароль.',
  [ErrorCode.AUTH_LOCKED]: 'Слишком много неудачных попыток входа. Попробуйте через 15 минут.',
  [ErrorCode.AUTH_TOKEN_EXPIRED]: 'Срок действия входа истёк. Войдите снова.',
  [ErrorCode.AUTH_TOKEN_INVALID]: 'Ссылка для входа недействительна или уже использована.',
  [ErrorCode.FORBIDDEN_ROLE]: 'У вас нет прав на это действие.',
  [ErrorCode.API_KEY_INVALID]: 'Неверный ключ доступа.',
  [ErrorCode.WEBHOOK_SECRET_INVALID]: 'Неверный секрет.',
  [ErrorCode.RATE_LIMITED]: 'Слишком много запросов. Подождите немного и попробуйте снова.',
  [ErrorCode.NOT_FOUND]: 'Ничего не нашлось.',
  [ErrorCode.USER_NOT_FOUND]: 'Клиент не найден.',
  [ErrorCode.USER_DELETED]: 'Этот клиент удалён.',
  [ErrorCode.TAG_TOO_MANY]: 'Слишком много меток: не больше 20.',
  [ErrorCode.TAG_INVALID]: 'Метка может содержать только буквы, цифры, «_» и «-» (до 32 символов).',
  [ErrorCode.BIRTH_DATE_INVALID]:
    'Не получилось понять дату. Напишите её так: ДД.ММ.ГГГГ, например 07.03.1995.',
  [ErrorCode.BIRTH_DATE_ALREADY_SET]:
    'День рождения уже сохранён. Изменить его может только администратор магазина.',
  [ErrorCode.ADMIN_NOT_FOUND]: 'Администратор не найден.',
  [ErrorCode.ADMIN_USERNAME_TAKEN]: 'Такое имя пользователя уже занято.',
  [ErrorCode.LAST_OWNER]: 'Нельзя убрать последнего владельца.',
  [ErrorCode.CASHIER_NOT_FOUND]: 'Кассир не найден.',
  [ErrorCode.CASHIER_NOT_APPROVED]: 'Ваша заявка кассира ещё не одобрена.',
  [ErrorCode.CASHIER_ALREADY_DECIDED]: 'По этой заявке уже принято решение.',
  [ErrorCode.TEMPLATE_NOT_FOUND]: 'Шаблон скидки не найден.',
  [ErrorCode.TEMPLATE_INACTIVE]: 'Эта скидка сейчас не действует.',
  [ErrorCode.TEMPLATE_IN_USE]: 'Шаблон уже используется, его можно только отключить.',
  [ErrorCode.DISCOUNT_NOT_FOUND]: 'Код не найден. Проверьте, пожалуйста, написание.',
  [ErrorCode.CODE_ALREADY_USED]: 'Этот код уже погашен.',
  [ErrorCode.CODE_EXPIRED]: 'Срок действия кода истёк.',
  [ErrorCode.CODE_REVOKED]: 'Этот код отменён.',
  [ErrorCode.CODE_NOT_YET_VALID]: 'Этот код ещё не начал действовать.',
  [ErrorCode.CODE_LIMIT_REACHED]: 'Лимит использований кода исчерпан.',
  [ErrorCode.MIN_PURCHASE_NOT_MET]: 'Сумма покупки меньше минимальной для этой скидки.',
  [ErrorCode.GIFT_ALREADY_ISSUED]: 'Этот подарок уже был выдан.',
  [ErrorCode.IDEMPOTENCY_CONFLICT]: 'Этот ключ операции уже использован для другого кода.',
  [ErrorCode.SEGMENT_NOT_FOUND]: 'Сегмент не найден.',
  [ErrorCode.SEGMENT_FILTER_INVALID]: 'Условие сегмента составлено неверно.',
  [ErrorCode.SEGMENT_IN_USE]: 'Сегмент используется в запланированной рассылке.',
  [ErrorCode.BROADCAST_NOT_FOUND]: 'Рассылка не найдена.',
  [ErrorCode.BROADCAST_NOT_EDITABLE]: 'Эту рассылку уже нельзя изменить.',
  [ErrorCode.BROADCAST_SCHEDULE_IN_PAST]: 'Время рассылки уже прошло. Выберите время в будущем.',
  [ErrorCode.BROADCAST_EMPTY]: 'В рассылке нет ни текста, ни медиа.',
  [ErrorCode.MEDIA_INVALID]: 'Не получилось принять это медиа.',
  [ErrorCode.MEDIA_TOO_LARGE]: 'Файл слишком большой: фото — до 10 МБ, видео — до 50 МБ.',
  [ErrorCode.MEDIA_TYPE_UNSUPPORTED]: 'Такой файл не подойдёт: нужно фото JPEG или PNG либо видео MP4.',
  [ErrorCode.MEDIA_NOT_FOUND]: 'Загруженный файл не найден.',
  [ErrorCode.MESSAGE_TEMPLATE_NOT_FOUND]: 'Шаблон сообщения не найден.',
  [ErrorCode.PLACEHOLDER_UNKNOWN]: 'В тексте есть неизвестная подстановка.',
  [ErrorCode.SETTING_NOT_FOUND]: 'Настройка не найдена.',
  [ErrorCode.SETTING_INVALID]: 'Недопустимое значение настройки.',
  [ErrorCode.JOB_NOT_FOUND]: 'Задача не найдена.',
  [ErrorCode.JOB_NOT_FAILED]: 'Повторить можно только задачу, которая завершилась ошибкой.',
  [ErrorCode.TELEGRAM_UNAVAILABLE]: 'Telegram сейчас не отвечает. Попробуйте чуть позже.',
  [ErrorCode.SERVICE_UNAVAILABLE]: 'Сервис ненадолго недоступен. Попробуйте, пожалуйста, через минуту.',
  [ErrorCode.MINI_APP_AUTH_MISSING]: 'Откройте приложение из чата с ботом в Telegram.',
  [ErrorCode.MINI_APP_AUTH_INVALID]:
    'Не удалось проверить вход. Закройте приложение и откройте его снова из чата с ботом.',
  [ErrorCode.MINI_APP_AUTH_EXPIRED]:
    'Приложение открыто слишком давно. Закройте его и откройте снова из чата с ботом.',
  [ErrorCode.MINI_APP_WRONG_BOT]: 'Это приложение другого бота магазина. Откройте его из нужного чата.',
  [ErrorCode.CLIENT_NOT_STARTED]:
    'Сначала начните чат с ботом магазина: отправьте ему /start, затем откройте карту снова.',
  [ErrorCode.CASHIER_CHECKS_PAUSED]:
    'Проверка кодов приостановлена: слишком много неверных кодов за минуту. Владелец магазина предупреждён.',
  [ErrorCode.CLIENT_BLOCKED_BOT]:
    'Бот магазина остановлен. Отправьте ему /start, затем откройте карту снова.',
  [ErrorCode.INTERNAL_ERROR]: 'Что-то пошло не так. Попробуйте чуть позже.',
};

/** The Russian text for an error: a DomainError's code, or a general apology for anything else. */
export function errorTextRu(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in ERROR_TEXTS_RU
    ? ERROR_TEXTS_RU[code as ErrorCode]
    : ERROR_TEXTS_RU[ErrorCode.INTERNAL_ERROR];
}
