import { canBuildOn, figuresOf, rollupBounds, RollupMetric, splitAtCoverage } from './rollup';
import { shopPeriod } from './shop-period';

const ZONE = 'Asia/Vladivostok';
const NOW = new Date('2026-07-14T02:00:00Z'); // 14 July, 12:00 shop time

describe('rollupBounds', () => {
  it('covers the shop days over before now minus the grace period', () => {
    expect(rollupBounds(new Date('2026-07-14T02:00:00Z'), ZONE)).toEqual({
      cutoff: new Date('2026-07-14T01:55:00Z'),
      coveredUntil: new Date('2026-07-13T14:00:00Z'),
      offsetMinutes: 600,
    });
  });

  it('does not cover a day that ended less than the grace period ago', () => {
    // 14 July 00:03 shop time: 13 July is over, but rows of its last minutes may still be committing
    expect(rollupBounds(new Date('2026-07-13T14:03:00Z'), ZONE).coveredUntil).toEqual(
      new Date('2026-07-12T14:00:00Z'),
    );
  });
});

describe('splitAtCoverage', () => {
  const period = shopPeriod({ from: '2026-07-01', to: '2026-07-14' }, ZONE, NOW);

  it('leaves everything live without a rollup or with one that ends before the period', () => {
    expect(splitAtCoverage(period, null)).toEqual({ rolled: null, liveFrom: period.startUtc });
    expect(splitAtCoverage(period, new Date('2026-06-30T14:00:00Z'))).toEqual({
      rolled: null,
      liveFrom: period.startUtc,
    });
  });

  it('reads the closed days from the rollup and the rest live', () => {
    expect(splitAtCoverage(period, new Date('2026-07-13T14:00:00Z'))).toEqual({
      rolled: { from: '2026-07-01', to: '2026-07-13' },
      liveFrom: new Date('2026-07-13T14:00:00Z'),
    });
  });

  it('reads a period over before the coverage ends wholly from the rollup', () => {
    const june = shopPeriod({ from: '2026-06-01', to: '2026-06-30' }, ZONE, NOW);
    expect(splitAtCoverage(june, new Date('2026-07-13T14:00:00Z'))).toEqual({
      rolled: { from: '2026-06-01', to: '2026-06-30' },
      liveFrom: june.endUtc,
    });
  });
});

describe('figuresOf', () => {
  it('sums rows by day and dimension and leaves out rows without either', () => {
    const rows = [
      { day: '2026-07-01', reason: 'birthday', source: 'vk', n: 2 },
      { day: '2026-07-01', reason: 'manual', source: 'vk', n: 3 },
      { day: '2026-07-01', reason: 'manual', source: null, n: 4 },
      { day: '2026-07-02', reason: 'manual', source: 'vk', n: 1 },
      { day: null, reason: 'manual', source: 'vk', n: 9 },
    ];
    expect(figuresOf(RollupMetric.RedemptionsBySource, rows, (r) => r.source)).toEqual([
      { metric: 'redemptions_by_source', day: '2026-07-01', dimension: 'vk', value: 5 },
      { metric: 'redemptions_by_source', day: '2026-07-02', dimension: 'vk', value: 1 },
    ]);
    expect(figuresOf(RollupMetric.Redemptions, rows, (r) => r.reason)).toHaveLength(3);
  });
});

describe('canBuildOn', () => {
  const now = new Date('2026-07-14T02:00:00Z');
  const bounds = rollupBounds(now, ZONE);
  const previous = {
    coveredUntil: new Date('2026-07-13T14:00:00Z'),
    cutoff: new Date('2026-07-14T00:55:00Z'),
    rebuiltAt: new Date('2026-07-13T18:00:00Z'),
  };

  it('builds on the previous generation an hour later', () => {
    expect(canBuildOn(previous, bounds, now)).toBe(true);
  });

  it('counts all history again once a day', () => {
    expect(canBuildOn({ ...previous, rebuiltAt: new Date('2026-07-13T02:00:00Z') }, bounds, now)).toBe(false);
  });

  it('never builds backwards (a generation from a clock that ran ahead)', () => {
    expect(canBuildOn({ ...previous, cutoff: new Date('2026-07-14T03:00:00Z') }, bounds, now)).toBe(false);
    expect(canBuildOn({ ...previous, coveredUntil: new Date('2026-07-14T14:00:00Z') }, bounds, now)).toBe(
      false,
    );
  });
});
