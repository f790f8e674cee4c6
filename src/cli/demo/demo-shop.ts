import type { InsertRow } from '../../infrastructure/database/insert-rows';
import { DemoRandom } from './random';

/**
 * Rows of a demo shop, ready for multi-row INSERTs, marked is_test or not as the caller says (a demo database
 * counts them; a real shop's database should not). Pure: no database here.
 */
const FEMALE = [
  'Анна',
  'Мария',
  'Екатерина',
  'Ольга',
  'Дарья',
  'Алина',
  'Полина',
  'Виктория',
  'Ксения',
  'Софья',
  'Ева',
  'Юлия',
];
const MALE = [
  'Иван',
  'Дмитрий',
  'Алексей',
  'Сергей',
  'Никита',
  'Артём',
  'Максим',
  'Егор',
  'Павел',
  'Кирилл',
  'Роман',
  'Олег',
];
const SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
];
const SOURCES: ReadonlyArray<readonly [string, number]> = [
  ['direct', 40],
  ['instagram', 15],
  ['vk', 15],
  ['qr_kassa', 12],
  ['listovka_2026', 8],
  ['referral', 10],
];
const TAGS = ['вип', 'сладкоежка', 'мармелад', 'шоколад', 'опт', 'день_рождения', 'новичок', 'постоянный'];
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const DAY = 86_400_000;

export type Row = InsertRow;

/** A unique 8-character code for the n-th demo discount (a D prefix keeps them apart from real ones). */
export function demoCode(n: number): string {
  let rest = n;
  let code = '';
  for (let i = 0; i < 7; i++) {
    code = CODE_ALPHABET[rest % CODE_ALPHABET.length] + code;
    rest = Math.floor(rest / CODE_ALPHABET.length);
  }
  return `D${code}`;
}

export function demoUser(
  index: number,
  random: DemoRandom,
  now: Date,
  referredBy: number | null,
  isTest = true,
): Row {
  const female = random.chance(0.6);
  const first = random.pick(female ? FEMALE : MALE);
  const last = random.pick(SURNAMES) + (female ? 'а' : '');
  const createdAt = new Date(now.getTime() - random.int(0, 365) * DAY - random.int(0, DAY - 1));
  const birthDate = random.chance(0.6)
    ? `${random.int(1960, 2012)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
    : null;
  const subscribed = random.chance(0.55);
  const status = random.weighted([
    ['active', 92],
    ['blocked', 7],
    ['deleted', 1],
  ] as const);
  const tags = TAGS.filter(() => random.chance(0.12));
  return {
    telegram_id: status === 'deleted' ? null : 9_000_000_000 + index,
    username: random.chance(0.7) ? `demo_${first.length}${index}` : null,
    first_name: status === 'deleted' ? null : first,
    last_name: status === 'deleted' || random.chance(0.3) ? null : last,
    language_code: 'ru',
    source: referredBy ? 'referral' : random.weighted(SOURCES.filter(([source]) => source !== 'referral')),
    birth_date: status === 'deleted' ? null : birthDate,
    birth_date_set_at: birthDate ? new Date(createdAt.getTime() + random.int(0, 30) * DAY) : null,
    is_subscribed: subscribed ? 1 : 0,
    subscription_checked_at: subscribed ? createdAt : null,
    status,
    blocked_at: status === 'blocked' ? new Date(now.getTime() - random.int(0, 60) * DAY) : null,
    tags: JSON.stringify(tags),
    notes: random.chance(0.02) ? 'Любит лимонный мармелад' : null,
    last_activity_at: new Date(Math.min(now.getTime(), createdAt.getTime() + random.int(0, 200) * DAY)),
    referral_code: `demo${index.toString(36)}`,
    referred_by_user_id: referredBy,
    is_test: isTest ? 1 : 0,
    created_at: createdAt,
  };
}

/** A code of one of the seeded templates (1 subscription, 2 birthday, 3 manual), used, expired or active. */
export function demoDiscount(
  n: number,
  userId: number,
  userCreatedAt: Date,
  random: DemoRandom,
  now: Date,
  isTest = true,
): Row {
  const template = random.weighted([
    [1, 5],
    [2, 2],
    [3, 3],
  ] as const);
  const value = template === 1 ? 10 : template === 2 ? 15 : 5;
  const reason =
    template === 1 ? 'subscription' : template === 2 ? 'birthday' : random.chance(0.7) ? 'manual' : 'bulk';
  const createdAt = new Date(
    userCreatedAt.getTime() +
      random.int(0, Math.max(0, Math.floor((now.getTime() - userCreatedAt.getTime()) / DAY))) * DAY,
  );
  const expiresAt = new Date(createdAt.getTime() + (template === 2 ? 14 : 30) * DAY);
  const lifetime = (template === 2 ? 14 : 30) * DAY;
  const usedAt = random.chance(0.35) ? new Date(createdAt.getTime() + random.int(0, lifetime - 1)) : null;
  const used = usedAt !== null && usedAt <= now;
  const status = used ? 'used' : expiresAt < now ? 'expired' : random.chance(0.02) ? 'revoked' : 'active';
  return {
    code: demoCode(n),
    template_id: template,
    user_id: userId,
    kind: 'percent',
    value,
    status,
    reason,
    // Gifts are once per client (subscription) or per year (birthday); manual codes repeat freely.
    period_key: template === 1 ? `demo${n}` : template === 2 ? `demo${n}` : null,
    valid_from: createdAt,
    expires_at: expiresAt,
    used_at: used ? usedAt : null,
    redemption_count: used ? 1 : 0,
    is_test: isTest ? 1 : 0,
    created_at: createdAt,
  };
}

export function demoBroadcast(index: number, random: DemoRandom, now: Date, isTest = true): Row {
  const createdAt = new Date(now.getTime() - random.int(1, 300) * DAY);
  const titles = [
    'Новый вкус: манго-маракуйя',
    'Скидки выходного дня',
    'Мармеладная пятница',
    'Новогодние наборы',
  ];
  return {
    title: `${random.pick(titles)} #${index + 1}`,
    content_type: 'text',
    text: '<b>Сладкие новости!</b> Заходите в «Мармеладный Дворик» 🍬',
    status: 'sent',
    scheduled_at: createdAt,
    started_at: createdAt,
    finished_at: new Date(createdAt.getTime() + 600_000),
    is_test: isTest ? 1 : 0,
    created_at: createdAt,
  };
}
