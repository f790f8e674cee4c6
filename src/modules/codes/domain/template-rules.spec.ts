import { DomainError } from '../../../common/errors/domain-error';
import { checkTemplateTerms, TemplateTerms } from './template-rules';

const base: TemplateTerms = {
  purpose: 'manual',
  kind: 'percent',
  value: 10,
  usage: 'single',
  maxRedemptions: null,
  validDays: 30,
  recurrence: 'none',
  recurrenceDays: null,
  minPurchase: null,
};

function badFields(terms: Partial<TemplateTerms>): string[] {
  try {
    checkTemplateTerms({ ...base, ...terms });
    return [];
  } catch (error) {
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return ((error as DomainError).details?.fields as Array<{ field: string }>).map((f) => f.field);
  }
}

describe('template terms', () => {
  it('accepts the seeded kinds of templates', () => {
    expect(badFields({})).toEqual([]);
    expect(badFields({ purpose: 'birthday', recurrence: 'yearly', value: 15, validDays: 14 })).toEqual([]);
    expect(badFields({ kind: 'fixed', value: 50_000, minPurchase: 200_000 })).toEqual([]);
    expect(badFields({ usage: 'shared', maxRedemptions: 100, validDays: null })).toEqual([]);
    expect(badFields({ recurrence: 'every_n_days', recurrenceDays: 30 })).toEqual([]);
  });

  it.each([
    [{ value: 0 }, ['value']],
    [{ value: 101 }, ['value']],
    [{ kind: 'fixed', value: 10.5 }, ['value']],
    [{ maxRedemptions: 5 }, ['maxRedemptions']],
    [{ usage: 'shared', maxRedemptions: 0 }, ['maxRedemptions']],
    [{ usage: 'shared', purpose: 'birthday' }, ['usage']],
    [{ usage: 'shared', recurrence: 'yearly' }, ['recurrence']],
    [{ recurrence: 'every_n_days' }, ['recurrenceDays']],
    [{ recurrenceDays: 7 }, ['recurrenceDays']],
    [{ validDays: 0 }, ['validDays']],
    [{ minPurchase: 0 }, ['minPurchase']],
  ] as Array<[Partial<TemplateTerms>, string[]]>)('refuses %j', (terms, fields) => {
    expect(badFields(terms)).toEqual(fields);
  });
});
