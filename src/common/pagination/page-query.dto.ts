import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/**
 * The deepest page a list serves: far beyond any real list, and it keeps `(page - 1) * limit` an integer
 * that is written out in full in SQL (from 1e21 on, a number is written `2e+21`, which OFFSET refuses).
 */
export const MAX_PAGE = 1_000_000_000;

/** `page`, `limit` (1..100, default 20) and `sort` (`field` or `-field` for descending) of every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'A field name, `-` in front for descending (e.g. `-createdAt`)' })
  @IsOptional()
  @IsString()
  @Matches(/^-?[a-zA-Z]{1,40}$/)
  sort?: string;
}

/** One page of a list: `{ items, total, page, limit }`. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** Resolves `sort` against the fields a list allows; unknown fields fall back to the default. */
export function sortOrder<F extends string>(
  sort: string | undefined,
  allowed: readonly F[],
  fallback: { field: F; direction: 'ASC' | 'DESC' },
): { field: F; direction: 'ASC' | 'DESC' } {
  if (!sort) return fallback;
  const field = sort.replace(/^-/, '') as F;
  if (!allowed.includes(field)) return fallback;
  return { field, direction: sort.startsWith('-') ? 'DESC' : 'ASC' };
}

/**
 * One page of a short list held in memory (a fixed catalogue such as the settings), paged and sorted by
 * the same rules as the lists read from the database; without a known `sort`, in the catalogue's order.
 */
export function pageOfList<T, F extends keyof T & string>(
  all: readonly T[],
  query: { page: number; limit: number; sort?: string },
  allowed: readonly F[],
): Page<T> {
  const sorted = [...all];
  const field = query.sort?.replace(/^-/, '') as F | undefined;
  if (field && allowed.includes(field)) {
    const sign = query.sort?.startsWith('-') ? -1 : 1;
    sorted.sort((a, b) => sign * String(a[field]).localeCompare(String(b[field])));
  }
  const start = (query.page - 1) * query.limit;
  return {
    items: sorted.slice(start, start + query.limit),
    total: all.length,
    page: query.page,
    limit: query.limit,
  };
}
