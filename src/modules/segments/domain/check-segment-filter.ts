import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { momentInterval } from './moment-interval';
import {
  CheckedNode,
  CheckedRule,
  DISCOUNT_REASON_VALUES,
  FIELD_OPERATORS,
  SEGMENT_FIELDS,
  SEGMENT_FILTER_LIMITS as LIMITS,
  SegmentField,
  SOURCE_PATTERN,
  TAG_PATTERN,
  USER_STATUS_VALUES,
} from './segment-filter';

/** SEGMENT_FILTER_INVALID naming the bad part of the tree (`all[1].any[0].op`) and what is allowed there. */
export function filterInvalid(path: string, message: string, allowed?: readonly unknown[]): DomainError {
  return new DomainError(ErrorCode.SEGMENT_FILTER_INVALID, `${path}: ${message}`, {
    path,
    ...(allowed ? { allowed } : {}),
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates raw JSON as a segment filter and returns the typed tree. Throws SEGMENT_FILTER_INVALID whose
 * `details.path` names the first bad node (`$` is the root), with a message saying what is allowed there.
 * `timezone` reads bare dates, so that `between` can insist on from <= to.
 */
export function checkSegmentFilter(input: unknown, timezone: string): CheckedNode {
  const state = { rules: 0 };
  if (!isObject(input) || isRule(input)) {
    throw filterInvalid('$', 'a filter is a group: { "all": [...] } or { "any": [...] }');
  }
  return checkGroup(input, '', 1, state, timezone);
}

function isRule(node: Record<string, unknown>): boolean {
  return 'field' in node || 'op' in node;
}

function checkGroup(
  node: Record<string, unknown>,
  path: string,
  depth: number,
  state: { rules: number },
  timezone: string,
): CheckedNode {
  const here = path || '$';
  const keys = Object.keys(node);
  if (keys.length !== 1 || (keys[0] !== 'all' && keys[0] !== 'any')) {
    throw filterInvalid(here, 'a group has exactly one key, "all" or "any", holding a list', ['all', 'any']);
  }
  const mode = keys[0] as 'all' | 'any';
  const items = node[mode];
  const listPath = path ? `${path}.${mode}` : mode;
  if (!Array.isArray(items)) throw filterInvalid(listPath, `"${mode}" holds a list of rules and groups`);
  if (depth > LIMITS.maxDepth) {
    throw filterInvalid(here, `groups nest at most ${LIMITS.maxDepth} levels deep`);
  }
  if (mode === 'any' && items.length === 0) {
    throw filterInvalid(
      listPath,
      'an "any" group needs at least one rule or group (an empty "all" matches everyone)',
    );
  }
  const children = items.map((item: unknown, index) => {
    const itemPath = `${listPath}[${index}]`;
    if (!isObject(item)) throw filterInvalid(itemPath, 'each item is a rule { field, op, value } or a group');
    if (!isRule(item)) return checkGroup(item, itemPath, depth + 1, state, timezone);
    state.rules += 1;
    if (state.rules > LIMITS.maxRules) {
      throw filterInvalid(itemPath, `a filter holds at most ${LIMITS.maxRules} rules`);
    }
    return { kind: 'rule' as const, rule: checkRule(item, itemPath, timezone), path: itemPath };
  });
  return { kind: 'group', mode, children, path: here };
}

function checkRule(node: Record<string, unknown>, path: string, timezone: string): CheckedRule {
  const { field, op } = node;
  if (typeof field !== 'string' || !SEGMENT_FIELDS.includes(field as SegmentField)) {
    throw filterInvalid(
      `${path}.field`,
      `unknown field; allowed: ${SEGMENT_FIELDS.join(', ')}`,
      SEGMENT_FIELDS,
    );
  }
  const ops: readonly string[] = FIELD_OPERATORS[field as SegmentField];
  if (typeof op !== 'string' || !ops.includes(op)) {
    throw filterInvalid(`${path}.op`, `"${field}" allows the operators: ${ops.join(', ')}`, ops);
  }
  const counted = field === 'discountsCount' || field === 'redemptionsCount';
  const allowedKeys = counted ? ['field', 'op', 'value', 'reason'] : ['field', 'op', 'value'];
  const extra = Object.keys(node).find((key) => !allowedKeys.includes(key));
  if (extra) {
    throw filterInvalid(`${path}.${extra}`, `unknown key; a "${field}" rule has: ${allowedKeys.join(', ')}`);
  }
  const value = checkValue(field as SegmentField, op, node.value, `${path}.value`, timezone);
  const rule = { field, op, ...(value === NO_VALUE ? {} : { value }) } as CheckedRule;
  if (counted && node.reason !== undefined) {
    if (!DISCOUNT_REASON_VALUES.includes(node.reason as never)) {
      throw filterInvalid(
        `${path}.reason`,
        `one of: ${DISCOUNT_REASON_VALUES.join(', ')}`,
        DISCOUNT_REASON_VALUES,
      );
    }
    return { ...rule, reason: node.reason } as CheckedRule;
  }
  return rule;
}

const NO_VALUE = Symbol('no value');

const isInt = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** A list of 1..maxListItems items, each `item` (a phrase such as "a tag of ..."); duplicates dropped. */
function list<T>(value: unknown, path: string, item: string, check: (item: unknown) => item is T): T[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.maxListItems) {
    throw filterInvalid(path, `a list of 1..${LIMITS.maxListItems} items, each ${item}`);
  }
  value.forEach((element, index) => {
    if (!check(element)) throw filterInvalid(`${path}[${index}]`, item);
  });
  return [...new Set(value as T[])];
}

const isTag = (item: unknown): item is string => typeof item === 'string' && TAG_PATTERN.test(item);
const isSource = (item: unknown): item is string => typeof item === 'string' && SOURCE_PATTERN.test(item);
const isStatus = (item: unknown): item is string => USER_STATUS_VALUES.includes(item as never);

/** The value a field and operator take, checked; NO_VALUE for operators without one. */
function checkValue(
  field: SegmentField,
  op: string,
  value: unknown,
  path: string,
  timezone: string,
): unknown {
  switch (field) {
    case 'tags':
      // Tags are stored in lower case (users module), so filters compare in lower case too.
      return list(value, path, 'a tag of 1..32 letters, digits, _ or -', isTag).map((tag) =>
        tag.toLowerCase(),
      );
    case 'source':
      if (op === 'in') return list(value, path, 'a source of 1..64 a-z, 0-9, _ and -', isSource);
      if (!isSource(value)) throw filterInvalid(path, 'a source of 1..64 a-z, 0-9, _ and -');
      return value;
    case 'status':
      if (op === 'in') return list(value, path, `one of ${USER_STATUS_VALUES.join(', ')}`, isStatus);
      if (!isStatus(value))
        throw filterInvalid(path, `one of: ${USER_STATUS_VALUES.join(', ')}`, USER_STATUS_VALUES);
      return value;
    case 'isSubscribed':
    case 'isTest':
    case 'hasActiveDiscount':
      if (typeof value !== 'boolean') throw filterInvalid(path, 'true or false');
      return value;
    case 'birthday':
      return birthdayValue(op, value, path);
    case 'registeredAt':
    case 'lastActivityAt':
      return dateValue(op, value, path, timezone);
    case 'discountsCount':
    case 'redemptionsCount':
      if (!isInt(value, 0, LIMITS.maxCount))
        throw filterInvalid(path, `a whole number 0..${LIMITS.maxCount}`);
      return value;
  }
}

function birthdayValue(op: string, value: unknown, path: string): unknown {
  if (op === 'inCurrentMonth') {
    if (value !== undefined) throw filterInvalid(path, '"inCurrentMonth" takes no value');
    return NO_VALUE;
  }
  if (op === 'month') {
    if (!isInt(value, 1, 12)) throw filterInvalid(path, 'a month number 1..12');
    return value;
  }
  if (!isInt(value, 0, 366)) throw filterInvalid(path, 'a number of days 0..366 (0 = today)');
  return value;
}

const MOMENT_HINT =
  'a date "YYYY-MM-DD" (a whole day in shop time) or a date-time "YYYY-MM-DDTHH:mm[:ss][Z|±HH:mm]"';

function dateValue(op: string, value: unknown, path: string, timezone: string): unknown {
  if (op === 'withinLastDays' || op === 'olderThanDays') {
    if (!isInt(value, 1, LIMITS.maxDays)) throw filterInvalid(path, `a number of days 1..${LIMITS.maxDays}`);
    return value;
  }
  const moment = (item: unknown, at: string) => {
    const interval = typeof item === 'string' ? momentInterval(item, timezone) : null;
    if (!interval) throw filterInvalid(at, MOMENT_HINT);
    return interval;
  };
  if (op === 'between') {
    if (!Array.isArray(value) || value.length !== 2)
      throw filterInvalid(path, `a pair [from, to], each ${MOMENT_HINT}`);
    const [from, to] = [moment(value[0], `${path}[0]`), moment(value[1], `${path}[1]`)];
    if (from.start > to.start) throw filterInvalid(path, '"from" must not be later than "to"');
    return [value[0], value[1]];
  }
  moment(value, path);
  return value;
}
