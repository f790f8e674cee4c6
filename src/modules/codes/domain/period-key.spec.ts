import { periodKeyFor } from './period-key';

const tz = 'Asia/Vladivostok';

describe('period keys', () => {
  it('yearly: the calendar year in shop time', () => {
    const rule = { recurrence: 'yearly', recurrenceDays: null } as const;
    // 31 Dec 2025 15:00 UTC is already 1 Jan 2026 01:00 in Vladivostok.
    expect(
      periodKeyFor(rule, { reason: 'birthday', now: new Date('2025-12-31T15:00:00Z'), timeZone: tz }),
    ).toBe('2026');
    expect(
      periodKeyFor(rule, { reason: 'manual', now: new Date('2025-12-31T13:59:59Z'), timeZone: tz }),
    ).toBe('2025');
  });

  it('every_n_days: fixed N-day windows counted in shop days', () => {
    const rule = { recurrence: 'every_n_days', recurrenceDays: 7 } as const;
    const at = (iso: string) => periodKeyFor(rule, { reason: 'manual', now: new Date(iso), timeZone: tz });
    // 1970-01-01 is day 0; 2026-01-01 is day 20454 => window 2922.
    expect(at('2026-01-01T00:00:00+10:00')).toBe('7d-2922');
    expect(at('2026-01-01T23:59:59+10:00')).toBe('7d-2922');
    expect(at('2026-01-07T23:59:59+10:00')).toBe('7d-2922');
    expect(at('2026-01-08T00:00:00+10:00')).toBe('7d-2923');
    expect(() =>
      periodKeyFor(
        { recurrence: 'every_n_days', recurrenceDays: null },
        { reason: 'manual', now: new Date(), timeZone: tz },
      ),
    ).toThrow(RangeError);
  });

  it('none: once for gifts, the batch for bulk, nothing for manual issues', () => {
    const rule = { recurrence: 'none', recurrenceDays: null } as const;
    const now = new Date();
    expect(periodKeyFor(rule, { reason: 'subscription', now, timeZone: tz })).toBe('once');
    expect(periodKeyFor(rule, { reason: 'referral', now, timeZone: tz })).toBe('once');
    expect(periodKeyFor(rule, { reason: 'manual', now, timeZone: tz })).toBeNull();
    expect(periodKeyFor(rule, { reason: 'bulk', now, timeZone: tz, batchKey: 'bulk-abc' })).toBe('bulk-abc');
    expect(() => periodKeyFor(rule, { reason: 'bulk', now, timeZone: tz })).toThrow(RangeError);
  });
});
