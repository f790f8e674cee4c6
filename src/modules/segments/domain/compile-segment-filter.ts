import { birthdayWindow, monthIn } from './birthday-window';
import { checkSegmentFilter } from './check-segment-filter';
import { momentInterval } from './moment-interval';
import { CheckedNode, CheckedRule, CountField, DateField, SegmentField } from './segment-filter';

/** What a filter is evaluated against: "now" and the shop's time zone (birthdays, bare dates). */
export interface SegmentFilterContext {
  now: Date;
  timezone: string;
}

/**
 * A condition over the `users` table aliased `u`, for `qb.andWhere(sql, params)`: named parameters
 * (`:name`, `:...name` for lists) in TypeORM's syntax. `fields` lists the rule fields the filter uses.
 */
export interface CompiledSegmentFilter {
  sql: string;
  params: Record<string, unknown>;
  fields: SegmentField[];
}

/** Columns by field: the only column names that reach the SQL. */
const DATE_COLUMNS: Readonly<Record<DateField, string>> = {
  registeredAt: 'u.created_at',
  lastActivityAt: 'u.last_activity_at',
};
const FLAG_COLUMNS = { isSubscribed: 'u.is_subscribed', isTest: 'u.is_test' } as const;
const COMPARISONS = { gte: '>=', lte: '<=', eq: '=' } as const;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Validates `input` (SEGMENT_FILTER_INVALID with the path of the bad rule) and compiles it into one
 * parameterised SQL condition. Column names and operators come from fixed tables; every value from the
 * input travels as a parameter. Parameter names start with `paramPrefix` (`sf_` by default): two filters
 * meant for one statement need two prefixes.
 *
 * Rules, in shop terms: `olderThanDays` on lastActivityAt includes clients never active; day counts are
 * rolling (N × 24 h back from now); bare dates are whole shop days (see momentInterval); `birthday`
 * rules use the indexed birth_month/birth_day columns; `discountsCount` counts codes of any status,
 * `redemptionsCount` redemptions (usage rows `redeemed`), both optionally of one `reason`;
 * `hasActiveDiscount` means a code the client could use now: active, not expired, not suspended.
 */
export function compileSegmentFilter(
  input: unknown,
  context: SegmentFilterContext,
  options: { paramPrefix?: string } = {},
): CompiledSegmentFilter {
  const tree = checkSegmentFilter(input, context.timezone);
  const prefix = options.paramPrefix ?? 'sf_';
  const params: Record<string, unknown> = {};
  const fields = new Set<SegmentField>();
  let counter = 0;
  const param = (value: unknown): string => {
    const name = `${prefix}${counter++}`;
    params[name] = value;
    return name;
  };
  const compileNode = (node: CheckedNode): string => {
    if (node.kind === 'rule') {
      fields.add(node.rule.field);
      return compileRule(node.rule, context, param);
    }
    if (node.children.length === 0) return '1=1';
    const parts = node.children.map(compileNode);
    return parts.length === 1 ? parts[0] : `(${parts.join(node.mode === 'all' ? ' AND ' : ' OR ')})`;
  };
  return { sql: compileNode(tree), params, fields: [...fields] };
}

type Param = (value: unknown) => string;

function compileRule(rule: CheckedRule, context: SegmentFilterContext, param: Param): string {
  switch (rule.field) {
    case 'tags': {
      const each = rule.value.map((tag) => `JSON_CONTAINS(u.tags, JSON_QUOTE(:${param(tag)}))`);
      if (rule.op === 'all') return `(${each.join(' AND ')})`;
      const any = `(${each.join(' OR ')})`;
      return rule.op === 'any' ? any : `NOT ${any}`;
    }
    case 'source':
    case 'status': {
      const column = `u.${rule.field}`;
      if (rule.op === 'in') return `${column} IN (:...${param(rule.value)})`;
      return `${column} ${rule.op === 'neq' ? '<>' : '='} :${param(rule.value)}`;
    }
    case 'isSubscribed':
    case 'isTest':
      return `${FLAG_COLUMNS[rule.field]} = :${param(rule.value ? 1 : 0)}`;
    case 'hasActiveDiscount':
      return `${rule.value ? '' : 'NOT '}${activeDiscountExists(context, param)}`;
    case 'birthday':
      if (rule.op === 'withinDays') return birthdaySql(context, rule.value, param);
      return `u.birth_month = :${param(rule.op === 'month' ? rule.value : monthIn(context.now, context.timezone))}`;
    case 'registeredAt':
    case 'lastActivityAt':
      return dateSql(rule, context, param);
    case 'discountsCount':
    case 'redemptionsCount':
      return countSql(rule.field, rule.op, rule.value, rule.reason, param);
  }
}

function activeDiscountExists(context: SegmentFilterContext, param: Param): string {
  // Served by idx_discounts_user_status_created_at (user_id, status).
  return (
    "EXISTS (SELECT 1 FROM discounts ad WHERE ad.user_id = u.id AND ad.status = 'active'" +
    ` AND ad.suspended_at IS NULL AND (ad.expires_at IS NULL OR ad.expires_at > :${param(context.now)}))`
  );
}

function birthdaySql(context: SegmentFilterContext, days: number, param: Param): string {
  const { wholeMonths, runs } = birthdayWindow(context.now, context.timezone, days);
  const parts = [
    ...(wholeMonths.length ? [`u.birth_month IN (:...${param(wholeMonths)})`] : []),
    ...runs.map(({ month, from, to }) =>
      from === to
        ? `(u.birth_month = :${param(month)} AND u.birth_day = :${param(from)})`
        : `(u.birth_month = :${param(month)} AND u.birth_day BETWEEN :${param(from)} AND :${param(to)})`,
    ),
  ];
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

function dateSql(
  rule: Extract<CheckedRule, { field: DateField }>,
  context: SegmentFilterContext,
  param: Param,
): string {
  const column = DATE_COLUMNS[rule.field];
  const interval = (text: string) => {
    const found = momentInterval(text, context.timezone);
    if (!found) throw new Error(`unchecked moment ${text}`); // checkSegmentFilter let only valid ones through
    return found;
  };
  switch (rule.op) {
    case 'withinLastDays':
      return `${column} >= :${param(new Date(context.now.getTime() - rule.value * DAY_MS))}`;
    case 'olderThanDays': {
      const older = `${column} < :${param(new Date(context.now.getTime() - rule.value * DAY_MS))}`;
      return rule.field === 'lastActivityAt' ? `(${older} OR ${column} IS NULL)` : older;
    }
    case 'after':
      return `${column} >= :${param(interval(rule.value).end)}`;
    case 'before':
      return `${column} < :${param(interval(rule.value).start)}`;
    case 'between':
      return `(${column} >= :${param(interval(rule.value[0]).start)} AND ${column} < :${param(interval(rule.value[1]).end)})`;
  }
}

function countSql(
  field: CountField,
  op: 'gte' | 'lte' | 'eq',
  value: number,
  reason: string | undefined,
  param: Param,
): string {
  // Correlated on the client: discounts by idx_discounts_user_status_created_at, usage rows by
  // idx_discount_usage_logs_user_id. "At least one" and "none" become (NOT) EXISTS, which stop early.
  const rows =
    field === 'discountsCount'
      ? `FROM discounts dc WHERE dc.user_id = u.id${reason ? ` AND dc.reason = :${param(reason)}` : ''}`
      : 'FROM discount_usage_logs rl' +
        (reason ? ' JOIN discounts rd ON rd.id = rl.discount_id' : '') +
        ` WHERE rl.user_id = u.id AND rl.action = 'redeemed'${reason ? ` AND rd.reason = :${param(reason)}` : ''}`;
  if (op === 'gte' && value === 0) return '1=1';
  if (op === 'gte' && value === 1) return `EXISTS (SELECT 1 ${rows})`;
  if (op !== 'gte' && value === 0) return `NOT EXISTS (SELECT 1 ${rows})`;
  return `(SELECT COUNT(*) ${rows}) ${COMPARISONS[op]} :${param(value)}`;
}
