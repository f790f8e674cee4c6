import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

/** At most this many tags on one client (TAG_TOO_MANY). */
export const MAX_TAGS = 20;
const TAG = /^[\p{L}\p{N}_-]{1,32}$/u;

/**
 * A list of tags as stored: trimmed, in lower case (so «VIP» and «vip» are one tag and filters can
 * compare exactly), duplicates dropped, order kept. TAG_INVALID names the first bad tag.
 */
export function normaliseTags(tags: readonly string[], field = 'tags'): string[] {
  const result: string[] = [];
  for (const raw of tags) {
    const tag = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (!TAG.test(tag)) {
      throw new DomainError(
        ErrorCode.TAG_INVALID,
        `${field}: a tag is 1..32 letters, digits, "_" or "-"; got ${JSON.stringify(raw)}`,
        { field, tag: raw },
      );
    }
    if (!result.includes(tag)) result.push(tag);
  }
  return result;
}

/** A client's whole tag list: normalised, and TAG_TOO_MANY above MAX_TAGS. */
export function checkClientTags(tags: readonly string[]): string[] {
  const result = normaliseTags(tags);
  if (result.length > MAX_TAGS) {
    throw new DomainError(
      ErrorCode.TAG_TOO_MANY,
      `A client has at most ${MAX_TAGS} tags; got ${result.length}`,
      {
        max: MAX_TAGS,
        count: result.length,
      },
    );
  }
  return result;
}

/**
 * A client's tags after adding and removing some: `add` appended in order (known ones stay where they
 * are), `remove` taken out. `unchanged` when nothing moves; `tooMany` when the result would pass
 * MAX_TAGS (the client is left as is).
 */
export function changeTags(
  current: readonly string[],
  add: readonly string[],
  remove: readonly string[],
): { tags: string[]; outcome: 'changed' | 'unchanged' | 'tooMany' } {
  const tags = current.filter((tag) => !remove.includes(tag));
  for (const tag of add) if (!tags.includes(tag)) tags.push(tag);
  const same = tags.length === current.length && tags.every((tag, i) => tag === current[i]);
  if (same) return { tags: [...current], outcome: 'unchanged' };
  if (tags.length > MAX_TAGS && tags.length > current.length)
    return { tags: [...current], outcome: 'tooMany' };
  return { tags, outcome: 'changed' };
}
