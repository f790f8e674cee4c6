import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { CalendarDate, checkBirthDate } from './birth-date';

/** A birthday as the client typed it: the year may be left out (`ДД.ММ`). */
export interface TypedBirthday {
  day: number;
  month: number;
  year: number | null;
}

/** Why a typed date was refused; each has its own hint. */
export type BirthdayProblem = 'format' | 'short_year' | 'impossible' | 'future' | 'age';

export type BirthdayReading = { ok: true; birthday: TypedBirthday } | { ok: false; problem: BirthdayProblem };

/** What a client is told when a typed date is refused (Telegram HTML: the card shows it as text). */
export const BIRTHDAY_HINTS: Readonly<Record<BirthdayProblem, string>> = {
  format:
    'Не получилось разобрать дату 🙈 Напишите её так: <b>ДД.ММ.ГГГГ</b> (например, 25.11.1990) или <b>ДД.ММ</b>.',
  short_year: 'Укажите, пожалуйста, год полностью — четырьмя цифрами, например 25.11.1990.',
  impossible: 'Такой даты нет в календаре 🙂 Проверьте число и месяц, например 25.11.1990.',
  future: 'Эта дата ещё не наступила. Проверьте, пожалуйста, год.',
  age: 'Кажется, в годе опечатка: проверьте, пожалуйста, год рождения.',
};

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** Month names as people type them: `ноября`, `Ноябрь`, `нояб`, `мая`, `май`. */
const MONTH_STEMS = ['янв', 'фев', 'мар', 'апр', 'ма[йя]', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

const SEPARATOR = /\s*[.,/\-\s]\s*/;

/**
 * Reads a birthday the way clients type it: `25.11.1990`, `25,11,1990`, `25/11/1990`, `25-11-1990`, `25 11 1990`,
 * `7.3.1995`, `25.11` (no year), `1990-11-25`, `25 ноября 1990 г.`. A date with a year must pass the users
 * module's rule (a real date, not in the future, age 5..120 today in shop time); one without a year must
 * be a real day of the year (29.02 included).
 */
export function readBirthday(text: string, today: CalendarDate): BirthdayReading {
  const typed = splitDate(text);
  if (typed === 'format' || typed === 'short_year') return refuse(typed);
  const { day, month, year } = typed;
  if (!isDayOfYear(day, month)) return refuse('impossible');
  if (year === null) return { ok: true, birthday: typed };
  try {
    checkBirthDate(isoDate({ year, month, day }), today);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== ErrorCode.BIRTH_DATE_INVALID) throw error;
    const reason = error.details?.reason;
    return refuse(reason === 'future' ? 'future' : reason === 'age' ? 'age' : 'impossible');
  }
  return { ok: true, birthday: typed };
}

/** `25 ноября 1990`, or `25 ноября` without a year: day and month can never be read the wrong way round. */
export function birthdayText(birthday: TypedBirthday): string {
  const dayMonth = `${birthday.day} ${MONTHS_GENITIVE[birthday.month - 1]}`;
  return birthday.year === null ? dayMonth : `${dayMonth} ${birthday.year}`;
}

/** `YYYY-MM-DD`. */
export function isoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** A typed birthday as SetBirthDateCommand takes it: `YYYY-MM-DD`, or `--MM-DD` without a year. */
export function storedForm(birthday: TypedBirthday): string {
  if (birthday.year !== null)
    return isoDate({ year: birthday.year, month: birthday.month, day: birthday.day });
  return `--${String(birthday.month).padStart(2, '0')}-${String(birthday.day).padStart(2, '0')}`;
}

function refuse(problem: BirthdayProblem): BirthdayReading {
  return { ok: false, problem };
}

/** Day, month and year (null when left out) from the text, or what keeps it from reading as a date. */
function splitDate(text: string): TypedBirthday | 'format' | 'short_year' {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/(?<=\d)\s*(г\.?|года?)$/u, '')
    .replace(/[.\s]+$/u, '');
  const words = cleaned.split(SEPARATOR);
  if (words.length < 2 || words.length > 3) return 'format';
  const [first, second, third] = words;
  const small = (word: string | undefined) => word !== undefined && /^\d{1,2}$/.test(word);
  if (/^\d{4}$/.test(first) && small(second) && small(third)) {
    return { year: Number(first), month: Number(second), day: Number(third) }; // ISO order: 1990-11-25
  }
  if (!small(first)) return 'format';
  const month = small(second) ? Number(second) : monthByName(second);
  if (month === null) return 'format';
  if (third === undefined) return { day: Number(first), month, year: null };
  if (/^\d{2}$/.test(third)) return 'short_year';
  if (!/^\d{4}$/.test(third)) return 'format';
  return { day: Number(first), month, year: Number(third) };
}

function monthByName(word: string): number | null {
  const index = MONTH_STEMS.findIndex((stem) => new RegExp(`^${stem}[а-яё]*$`, 'u').test(word));
  return index === -1 ? null : index + 1;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDayOfYear(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}
