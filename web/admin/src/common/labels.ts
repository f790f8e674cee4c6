/** Russian names of the API's enum values, one place for every page. */
export const DISCOUNT_STATUS: Record<string, string> = {
  active: 'Действует',
  used: 'Использован',
  expired: 'Истёк',
  revoked: 'Отозван',
};

export const DISCOUNT_REASON: Record<string, string> = {
  subscription: 'За подписку',
  birthday: 'День рождения',
  manual: 'Вручную',
  bulk: 'Массовая выдача',
  referral: 'За приглашение',
};

export const USAGE_CHANNEL: Record<string, string> = {
  staff_bot: 'Бот кассира',
  pos: 'Касса',
  admin: 'Панель',
};

export const USAGE_ACTION: Record<string, string> = {
  validated: 'Проверен',
  redeemed: 'Погашен',
  rejected: 'Отклонён',
};

export const USER_STATUS: Record<string, string> = {
  active: 'Активен',
  blocked: 'Заблокировал бота',
  deleted: 'Удалён',
};

export const choicesOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([id, name]) => ({ id, name }));

export const label = (labels: Record<string, string>, value: unknown): string =>
  labels[String(value)] ?? String(value ?? '—');
