import { QueryBus } from '@nestjs/cqrs';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { SegmentFilter, SegmentRule } from '../../segments/domain/segment-filter';
import { ResolveSegmentQuery } from '../../segments/queries/resolve-segment.query';
import { User, UserStatus } from '../persistence/user.entity';

/**
 * The filters of the users list and export (SPEC 5). Defaults: active clients only, no test clients, unless
 * `status` / `isTest` ask for others. That default is the list the schema's (status, is_test, created_at)
 * index serves without a sort.
 */
export interface UserListFilter {
  /**
   * Part of first name, last name or username (any case; a leading @ is ignored); 6..15 digits are read as
   * a whole Telegram id instead.
   */
  q?: string;
  tags?: string[];
  /** `any` (default): at least one of `tags`; `all`: every one. */
  tagsMatch?: 'any' | 'all';
  source?: string[];
  subscribed?: boolean;
  /** Default: active only (blocked and deleted clients on request). */
  status?: UserStatus[];
  /** 1..12. */
  birthMonth?: number;
  /** Dates `YYYY-MM-DD` (whole shop days) or date-times; both ends included. */
  registeredFrom?: string;
  registeredTo?: string;
  /** Last activity earlier than this day / instant. */
  lastActivityBefore?: string;
  /** Last activity later than this day / instant. */
  lastActivityAfter?: string;
  hasActiveDiscount?: boolean;
  /** Default false: test clients stay out of lists and exports unless asked for. */
  isTest?: boolean;
}

/** A search of 6..15 digits is a Telegram id. */
const TELEGRAM_ID = /^\d{6,15}$/;

/** Open ends of a from/to range, as far as DATETIME reaches in every time zone. */
const EARLIEST = '1970-01-01';
const LATEST = '9000-12-31';

/** The list's filters as a segment rule tree: one grammar, one compiler, one set of indexes. */
export function toSegmentFilter(filter: UserListFilter): SegmentFilter {
  const rules: SegmentRule[] = [
    { field: 'status', op: 'in', value: filter.status?.length ? filter.status : ['active'] },
    { field: 'isTest', op: 'eq', value: filter.isTest ?? false },
  ];
  if (filter.tags?.length) rules.push({ field: 'tags', op: filter.tagsMatch ?? 'any', value: filter.tags });
  if (filter.source?.length) rules.push({ field: 'source', op: 'in', value: filter.source });
  if (filter.subscribed !== undefined)
    rules.push({ field: 'isSubscribed', op: 'eq', value: filter.subscribed });
  if (filter.birthMonth !== undefined)
    rules.push({ field: 'birthday', op: 'month', value: filter.birthMonth });
  if (filter.registeredFrom || filter.registeredTo) {
    const range = [filter.registeredFrom ?? EARLIEST, filter.registeredTo ?? LATEST];
    rules.push({ field: 'registeredAt', op: 'between', value: range });
  }
  if (filter.lastActivityBefore)
    rules.push({ field: 'lastActivityAt', op: 'before', value: filter.lastActivityBefore });
  if (filter.lastActivityAfter)
    rules.push({ field: 'lastActivityAt', op: 'after', value: filter.lastActivityAfter });
  if (filter.hasActiveDiscount !== undefined) {
    rules.push({ field: 'hasActiveDiscount', op: 'eq', value: filter.hasActiveDiscount });
  }
  return { all: rules };
}

/** The clients matching `filter`, as a query over `users u` (no order, no page). */
export async function filteredUsers(
  queries: QueryBus,
  users: Repository<User>,
  filter: UserListFilter,
): Promise<SelectQueryBuilder<User>> {
  const segment = await queries
    .execute(
      new ResolveSegmentQuery({ filter: toSegmentFilter(filter) }, { statuses: 'any', testUsers: 'include' }),
    )
    .catch((error: unknown) => {
      // The DTO checks each filter; what is left is a contradiction between two (registeredFrom > registeredTo).
      if (!(error instanceof DomainError) || error.code !== ErrorCode.SEGMENT_FILTER_INVALID) throw error;
      const message = 'registeredFrom must not be later than registeredTo';
      throw new DomainError(ErrorCode.VALIDATION_FAILED, message, {
        fields: [{ field: 'registeredFrom', errors: [message] }],
      });
    });
  const query = users.createQueryBuilder('u').where(segment.sql, segment.params);
  const q = filter.q?.trim().replace(/^@/, '');
  if (q && TELEGRAM_ID.test(q)) {
    // A pasted Telegram id: the unique index finds it at once (a name search would read every row).
    query.andWhere('u.telegram_id = :userQId', { userQId: Number(q) });
  } else if (q) {
    // utf8mb4_unicode_ci compares without case, so LIKE needs no LOWER(); `\` is LIKE's escape character.
    const like = `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query.andWhere('(u.first_name LIKE :userQ OR u.last_name LIKE :userQ OR u.username LIKE :userQ)', {
      userQ: like,
    });
  }
  return query;
}
