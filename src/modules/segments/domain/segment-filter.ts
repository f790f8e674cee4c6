/**
 * The segment filter grammar (SPEC 5): a tree of groups `{ "all": [...] }` / `{ "any": [...] }` whose leaves
 * are rules `{ "field", "op", "value"? }`. This file holds the shapes; check-segment-filter.ts validates raw
 * JSON into them and compile-segment-filter.ts turns them into SQL.
 */

/** A leaf rule as stored (JSON): `{ field: 'isSubscribed', op: 'eq', value: true }`. */
export interface SegmentRule {
  field: string;
  op: string;
  value?: unknown;
  /** Only for `discountsCount` / `redemptionsCount`: count codes of this reason only. */
  reason?: string;
}

/** A segment filter: groups nest; `{ all: [] }` matches every client. */
export type SegmentFilter = { all: SegmentFilterNode[] } | { any: SegmentFilterNode[] };
export type SegmentFilterNode = SegmentFilter | SegmentRule;

export const SEGMENT_FILTER_LIMITS = {
  /** Groups nested at most this deep; the root group is level 1. */
  maxDepth: 5,
  /** Leaf rules in the whole tree. */
  maxRules: 50,
  /** Items of one list value (`tags`, `source in`, `status in`). */
  maxListItems: 100,
  /** Day counts (`withinLastDays`, `olderThanDays`). */
  maxDays: 36_500,
  /** Counts (`discountsCount`, `redemptionsCount`). */
  maxCount: 1_000_000,
} as const;

export const USER_STATUS_VALUES = ['active', 'blocked', 'deleted'] as const;
export type UserStatusValue = (typeof USER_STATUS_VALUES)[number];

/** Reasons a code is issued for (discounts.reason). */
export const DISCOUNT_REASON_VALUES = ['subscription', 'birthday', 'manual', 'bulk', 'referral'] as const;
export type DiscountReasonValue = (typeof DISCOUNT_REASON_VALUES)[number];

/** A tag: 1..32 letters (any script), digits, `_` or `-`. */
export const TAG_PATTERN = /^[\p{L}\p{N}_-]{1,32}$/u;
/** A source (first deep-link payload). */
export const SOURCE_PATTERN = /^[a-z0-9_-]{1,64}$/;

/** A date `YYYY-MM-DD` (a whole day in shop time) or a date-time, with or without an offset. */
export const ISO_MOMENT_PATTERN =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export type DateField = 'registeredAt' | 'lastActivityAt';
export type CountField = 'discountsCount' | 'redemptionsCount';
export type FlagField = 'isSubscribed' | 'isTest' | 'hasActiveDiscount';

/** A rule after validation: the field decides the operators, the operator the value's type. */
export type CheckedRule =
  | { field: 'tags'; op: 'any' | 'all' | 'none'; value: string[] }
  | { field: 'source'; op: 'eq' | 'neq'; value: string }
  | { field: 'source'; op: 'in'; value: string[] }
  | { field: FlagField; op: 'eq'; value: boolean }
  | { field: 'status'; op: 'eq'; value: UserStatusValue }
  | { field: 'status'; op: 'in'; value: UserStatusValue[] }
  | { field: 'birthday'; op: 'inCurrentMonth' }
  | { field: 'birthday'; op: 'month'; value: number }
  | { field: 'birthday'; op: 'withinDays'; value: number }
  | { field: DateField; op: 'withinLastDays' | 'olderThanDays'; value: number }
  | { field: DateField; op: 'after' | 'before'; value: string }
  | { field: DateField; op: 'between'; value: [string, string] }
  | { field: CountField; op: 'gte' | 'lte' | 'eq'; value: number; reason?: DiscountReasonValue };

/** A validated tree; `path` is where the node sits in the input (`all[1].any[0]`), for later messages. */
export type CheckedNode =
  | { kind: 'group'; mode: 'all' | 'any'; children: CheckedNode[]; path: string }
  | { kind: 'rule'; rule: CheckedRule; path: string };

/** The operators of each field, in the order the error messages list them. */
export const FIELD_OPERATORS = {
  tags: ['any', 'all', 'none'],
  source: ['eq', 'neq', 'in'],
  isSubscribed: ['eq'],
  status: ['eq', 'in'],
  isTest: ['eq'],
  birthday: ['inCurrentMonth', 'month', 'withinDays'],
  registeredAt: ['withinLastDays', 'olderThanDays', 'after', 'before', 'between'],
  lastActivityAt: ['withinLastDays', 'olderThanDays', 'after', 'before', 'between'],
  discountsCount: ['gte', 'lte', 'eq'],
  redemptionsCount: ['gte', 'lte', 'eq'],
  hasActiveDiscount: ['eq'],
} as const satisfies Record<string, readonly string[]>;

export type SegmentField = keyof typeof FIELD_OPERATORS;
export const SEGMENT_FIELDS = Object.keys(FIELD_OPERATORS) as SegmentField[];
