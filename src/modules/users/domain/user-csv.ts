import { publicBirthDate } from './birth-date';
import { timeFormatter } from './shop-time';

/** The fields of a client the export writes (a plain shape, so this file needs no entity). */
export interface ExportedClient {
  id: number;
  telegramId: number | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  languageCode: string | null;
  source: string;
  birthDate: string | null;
  isSubscribed: boolean;
  status: 'active' | 'blocked' | 'deleted';
  tags: string[];
  notes: string | null;
  referralCode: string | null;
  referredByUserId: number | null;
  isTest: boolean;
  lastActivityAt: Date | null;
  createdAt: Date;
}

/**
 * Column headers of users.csv, in Russian: the file is opened by the shop's people in Russian Excel. (Not
 * "ID" first: Excel takes a file starting with "ID" for SYLK.)
 */
export const USER_CSV_HEADER = [
  'Номер клиента',
  'Telegram ID',
  'Имя пользователя',
  'Имя',
  'Фамилия',
  'Язык',
  'Источник',
  'Дата рождения',
  'Подписан на канал',
  'Статус',
  'Метки',
  'Заметки',
  'Реферальный код',
  'Пригласил (ID)',
  'Тестовый',
  'Последняя активность',
  'Зарегистрирован',
] as const;

const STATUS_RU = { active: 'активен', blocked: 'заблокировал бота', deleted: 'удалён' } as const;
const yesNo = (value: boolean) => (value ? 'да' : 'нет');

/**
 * A text cell that Excel would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe: names and notes come from clients and must never run as formulas (CSV injection).
 */
export function safeCell(text: string | null): string {
  if (!text) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Rows of users.csv for the shop's time zone: times as `YYYY-MM-DD HH:mm` in that zone, yes/no and
 * statuses in Russian, birthdays without a year as `--MM-DD`.
 */
export function userCsvRows(timezone: string): (client: ExportedClient) => string[] {
  const format = timeFormatter(timezone);
  const time = (value: Date | null) => (value ? format(value) : '');
  return (client) => [
    String(client.id),
    client.telegramId === null ? '' : String(client.telegramId),
    safeCell(client.username),
    safeCell(client.firstName),
    safeCell(client.lastName),
    client.languageCode ?? '',
    safeCell(client.source),
    publicBirthDate(client.birthDate) ?? '',
    yesNo(client.isSubscribed),
    STATUS_RU[client.status],
    safeCell(client.tags.join(', ')),
    safeCell(client.notes),
    client.referralCode ?? '',
    client.referredByUserId === null ? '' : String(client.referredByUserId),
    yesNo(client.isTest),
    time(client.lastActivityAt),
    time(client.createdAt),
  ];
}
