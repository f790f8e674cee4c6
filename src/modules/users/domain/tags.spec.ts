import { DomainError } from '../../../common/errors/domain-error';
import { changeTags, checkClientTags, normaliseTags } from './tags';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'accepted';
};

describe('tags', () => {
  it('are stored trimmed, in lower case, once each, in the order given', () => {
    expect(normaliseTags([' VIP ', 'Сладкоежка', 'vip', 'опт_2026', 'a-b'])).toEqual([
      'vip',
      'сладкоежка',
      'опт_2026',
      'a-b',
    ]);
  });

  it('refuse anything but 1..32 letters, digits, _ and - with TAG_INVALID', () => {
    for (const bad of ['', 'two words', 'x'.repeat(33), 'emoji🍬', 'semi;colon', '<b>']) {
      expect(codeOf(() => normaliseTags([bad]))).toBe('TAG_INVALID');
    }
    expect(codeOf(() => normaliseTags([42 as unknown as string]))).toBe('TAG_INVALID');
    expect(normaliseTags(['x'.repeat(32), 'ё', '٣'])).toHaveLength(3);
  });

  it('allow at most 20 on a client (TAG_TOO_MANY), counting duplicates once', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(checkClientTags([...twenty, 'T0'])).toHaveLength(20);
    expect(codeOf(() => checkClientTags([...twenty, 't20']))).toBe('TAG_TOO_MANY');
  });

  it('change by adding at the end and removing, and say when nothing moves', () => {
    expect(changeTags(['a', 'b'], ['c', 'a'], ['b'])).toEqual({ tags: ['a', 'c'], outcome: 'changed' });
    expect(changeTags(['a'], ['a'], ['z'])).toEqual({ tags: ['a'], outcome: 'unchanged' });
    expect(changeTags([], [], ['a'])).toEqual({ tags: [], outcome: 'unchanged' });
  });

  it('leave a client as is when adding would pass 20 tags', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(changeTags(twenty, ['new'], [])).toEqual({ tags: twenty, outcome: 'tooMany' });
    expect(changeTags(twenty, ['new'], ['t0']).outcome).toBe('changed');
  });
});
