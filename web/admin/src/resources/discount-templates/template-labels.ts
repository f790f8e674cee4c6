export const PURPOSES = [
  { id: 'manual', name: 'Ручная и массовая выдача' },
  { id: 'subscription', name: 'За подписку на канал' },
  { id: 'birthday', name: 'На день рождения' },
];

export const KINDS = [
  { id: 'percent', name: 'Процент от покупки' },
  { id: 'fixed', name: 'Фиксированная сумма, ₽' },
];

export const USAGES = [
  { id: 'single', name: 'Личный код, гасится один раз' },
  { id: 'shared', name: 'Общий код для многих клиентов' },
];

export const RECURRENCES = [
  { id: 'none', name: 'Без ограничения' },
  { id: 'yearly', name: 'Не чаще раза в календарный год' },
  { id: 'every_n_days', name: 'Не чаще раза в N дней' },
];

export const purposeName = (id: unknown) => PURPOSES.find((p) => p.id === id)?.name ?? String(id);
