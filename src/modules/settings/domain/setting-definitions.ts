import { IANAZone } from 'luxon';

/** The shop's settings (SPEC section 6) and the type of each value. */
export interface SettingValues {
  'shop.timezone': string;
  'shop.contacts': string;
  'channel.chat_id': string;
  'channel.url': string;
  'subscription.template_id': number | null;
  'birthday.template_id': number | null;
  'birthday.send_at': string;
  'birthday.min_days_since_set': number;
  'broadcast.rate_per_second': number;
  'broadcast.chunk_size': number;
  'broadcast.max_attempts': number;
  'broadcast.paid': boolean;
  'test_mode.secret': string | null;
  'referral.template_id': number | null;
  'owner_alerts.morning_summary': boolean;
  'owner_alerts.summary_at': string;
  'owner_alerts.digest_delay_seconds': number;
  'pos.checks_per_minute': number;
  'pos.unknown_codes_per_minute': number;
  'miniapp.init_data_max_age_seconds': number;
}

export type SettingKey = keyof SettingValues;

interface SettingDefinition<T> {
  description: string;
  defaultValue: T;
  /** Returns the value when it is acceptable, else a sentence saying what is expected. */
  check(value: unknown): value is T;
  expected: string;
  /** Never shown in full by the API or written to the audit log. */
  secret?: boolean;
}

const isInt =
  (min: number, max: number) =>
  (v: unknown): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isNullableId = (v: unknown): v is number | null => v === null || isInt(1, 2 ** 31 - 1)(v);

export const SETTING_DEFINITIONS: { readonly [K in SettingKey]: SettingDefinition<SettingValues[K]> } = {
  'shop.timezone': {
    description: 'Часовой пояс магазина (IANA)',
    defaultValue: 'Asia/Vladivostok',
    check: (v): v is string => typeof v === 'string' && IANAZone.isValidZone(v),
    expected: 'an IANA time zone such as "Asia/Vladivostok"',
  },
  'shop.contacts': {
    description: 'Контакты магазина для раздела «Помощь»',
    defaultValue: '',
    check: (v): v is string => typeof v === 'string' && v.length <= 2000,
    expected: 'a text of at most 2000 characters',
  },
  'channel.chat_id': {
    description: 'Канал магазина: @username или числовой id',
    defaultValue: '@marmeladny_dvorik',
    check: (v): v is string => typeof v === 'string' && /^(@[A-Za-z0-9_]{5,32}|-100\d{5,15})$/.test(v),
    expected: '"@channel_username" or a numeric id like "-1001234567890"',
  },
  'channel.url': {
    description: 'Ссылка на канал для клиентов',
    defaultValue: 'https://t.me/marmeladny_dvorik',
    check: (v): v is string => typeof v === 'string' && /^https:\/\/t\.me\/[A-Za-z0-9_+/-]+$/.test(v),
    expected: 'a link like "https://t.me/channel"',
  },
  'subscription.template_id': {
    description: 'Шаблон скидки за подписку (null — подарок выключен)',
    defaultValue: 1,
    check: isNullableId,
    expected: 'a discount template id or null',
  },
  'birthday.template_id': {
    description: 'Шаблон скидки на день рождения (null — подарок выключен)',
    defaultValue: 2,
    check: isNullableId,
    expected: 'a discount template id or null',
  },
  'birthday.send_at': {
    description: 'Время поздравлений по времени магазина, ЧЧ:ММ',
    defaultValue: '09:00',
    check: (v): v is string => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
    expected: 'a time "HH:MM" (24-hour)',
  },
  'birthday.min_days_since_set': {
    description: 'Сколько дней должно пройти после ввода даты рождения до подарка',
    defaultValue: 30,
    check: isInt(0, 366),
    expected: 'an integer 0..366',
  },
  'broadcast.rate_per_second': {
    description:
      'Скорость рассылок и уведомлений клиентского бота, сообщений в секунду (уведомления — не больше 30)',
    defaultValue: 25,
    check: (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0.01 && v <= 1000,
    expected: 'a number 0.01..1000',
  },
  'broadcast.chunk_size': {
    description: 'Получателей в одной задаче рассылки',
    defaultValue: 1000,
    check: isInt(10, 10_000),
    expected: 'an integer 10..10000',
  },
  'broadcast.max_attempts': {
    description: 'Попыток доставки одному получателю',
    defaultValue: 5,
    check: isInt(1, 20),
    expected: 'an integer 1..20',
  },
  'broadcast.paid': {
    description: 'Платная рассылка Telegram (allow_paid_broadcast, до 1000 в секунду)',
    defaultValue: false,
    check: (v): v is boolean => typeof v === 'boolean',
    expected: 'true or false',
  },
  'test_mode.secret': {
    description: 'Секрет ссылки test_<секрет> для тестовых клиентов (null — выключено)',
    defaultValue: null,
    check: (v): v is string | null =>
      v === null || (typeof v === 'string' && /^[A-Za-z0-9_-]{8,48}$/.test(v)),
    expected: 'null or 8..48 characters of A-Z, a-z, 0-9, _ and -',
    secret: true,
  },
  'referral.template_id': {
    description: 'Шаблон скидки за приглашённого друга (null — рефералы выключены)',
    defaultValue: null,
    check: isNullableId,
    expected: 'a discount template id or null',
  },
  'owner_alerts.morning_summary': {
    description: 'Утренняя сводка владельцам в служебном боте (регистрации, коды, рассылки за вчера)',
    defaultValue: true,
    check: (v): v is boolean => typeof v === 'boolean',
    expected: 'true or false',
  },
  'owner_alerts.summary_at': {
    description: 'Время утренней сводки по времени магазина, ЧЧ:ММ',
    defaultValue: '09:00',
    check: (v): v is string => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
    expected: 'a time "HH:MM" (24-hour)',
  },
  'owner_alerts.digest_delay_seconds': {
    description: 'Сколько секунд собирать тревоги (упавшие задачи, зависшие рассылки) в одно сообщение',
    defaultValue: 60,
    check: isInt(0, 3600),
    expected: 'an integer 0..3600',
  },
  'pos.checks_per_minute': {
    description: 'Запросов кассы (проверок и погашений кодов) в минуту на один ключ API; сверх — 429',
    defaultValue: 120,
    check: isInt(1, 10_000),
    expected: 'an integer 1..10000',
  },
  'pos.unknown_codes_per_minute': {
    description: 'Неизвестных кодов в минуту на один ключ API, после которых касса ждёт минуту (как кассир)',
    defaultValue: 10,
    check: isInt(1, 1_000),
    expected: 'an integer 1..1000',
  },
  'miniapp.init_data_max_age_seconds': {
    description: 'Сколько секунд действует вход в мини-приложение (initData Telegram) после открытия',
    defaultValue: 3600,
    check: isInt(60, 86_400),
    expected: 'an integer 60..86400',
  },
};

export const SETTING_KEYS = Object.keys(SETTING_DEFINITIONS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.prototype.hasOwnProperty.call(SETTING_DEFINITIONS, key);
}
