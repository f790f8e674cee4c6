/**
 * What the segment builder offers: every field of the API's filter grammar (SPEC 5, the segments module's
 * segment-filter.ts), its operators and the kind of value each operator takes, in Russian.
 */
export type ValueKind =
  | 'none'
  | 'tags'
  | 'text'
  | 'texts'
  | 'boolean'
  | 'status'
  | 'statuses'
  | 'month'
  | 'days'
  | 'date'
  | 'dateRange'
  | 'count';

export interface FieldSpec {
  label: string;
  ops: Array<{ op: string; label: string; value: ValueKind }>;
  /** Only counts: the optional code reason. */
  reason?: boolean;
}

const DATE_OPS: FieldSpec['ops'] = [
  { op: 'withinLastDays', label: 'за последние N дней', value: 'days' },
  { op: 'olderThanDays', label: 'больше N дней назад', value: 'days' },
  { op: 'after', label: 'после даты', value: 'date' },
  { op: 'before', label: 'до даты', value: 'date' },
  { op: 'between', label: 'между датами', value: 'dateRange' },
];
const COUNT_OPS: FieldSpec['ops'] = [
  { op: 'gte', label: 'не меньше', value: 'count' },
  { op: 'lte', label: 'не больше', value: 'count' },
  { op: 'eq', label: 'ровно', value: 'count' },
];
const FLAG_OPS: FieldSpec['ops'] = [{ op: 'eq', label: 'равно', value: 'boolean' }];

export const SEGMENT_FIELDS: Record<string, FieldSpec> = {
  tags: {
    label: 'Теги',
    ops: [
      { op: 'any', label: 'есть любой из', value: 'tags' },
      { op: 'all', label: 'есть все', value: 'tags' },
      { op: 'none', label: 'нет ни одного из', value: 'tags' },
    ],
  },
  source: {
    label: 'Источник',
    ops: [
      { op: 'eq', label: 'равен', value: 'text' },
      { op: 'neq', label: 'не равен', value: 'text' },
      { op: 'in', label: 'один из', value: 'texts' },
    ],
  },
  isSubscribed: { label: 'Подписан на канал', ops: FLAG_OPS },
  status: {
    label: 'Статус',
    ops: [
      { op: 'eq', label: 'равен', value: 'status' },
      { op: 'in', label: 'один из', value: 'statuses' },
    ],
  },
  isTest: { label: 'Тестовый клиент', ops: FLAG_OPS },
  birthday: {
    label: 'День рождения',
    ops: [
      { op: 'inCurrentMonth', label: 'в этом месяце', value: 'none' },
      { op: 'month', label: 'в месяце', value: 'month' },
      { op: 'withinDays', label: 'в ближайшие N дней', value: 'days' },
    ],
  },
  registeredAt: { label: 'Регистрация', ops: DATE_OPS },
  lastActivityAt: { label: 'Последняя активность', ops: DATE_OPS },
  discountsCount: { label: 'Выдано кодов', ops: COUNT_OPS, reason: true },
  redemptionsCount: { label: 'Погашено кодов', ops: COUNT_OPS, reason: true },
  hasActiveDiscount: { label: 'Есть действующий код', ops: FLAG_OPS },
};

export const STATUSES = [
  { id: 'active', name: 'активен' },
  { id: 'blocked', name: 'заблокировал бота' },
  { id: 'deleted', name: 'удалён' },
];

export const REASONS = [
  { id: 'subscription', name: 'за подписку' },
  { id: 'birthday', name: 'ко дню рождения' },
  { id: 'manual', name: 'вручную' },
  { id: 'bulk', name: 'массовая выдача' },
  { id: 'referral', name: 'за приглашение' },
];

export const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** A fresh value for an operator's kind, so a rule is valid as soon as it is added where possible. */
export function defaultValue(kind: ValueKind): unknown {
  switch (kind) {
    case 'none':
      return undefined;
    case 'tags':
    case 'texts':
      return [];
    case 'boolean':
      return true;
    case 'status':
      return 'active';
    case 'statuses':
      return ['active'];
    case 'month':
      return new Date().getMonth() + 1;
    case 'days':
      return 30;
    case 'count':
      return 1;
    case 'text':
    case 'date':
      return '';
    case 'dateRange':
      return ['', ''];
  }
}

export function opSpec(field: string, op: string) {
  return SEGMENT_FIELDS[field]?.ops.find((o) => o.op === op);
}
