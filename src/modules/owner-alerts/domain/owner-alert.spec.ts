import { summarizedDate } from './morning-summary';
import { alertDigestText, digestWindow, OwnerAlert } from './owner-alert';

const failed = (jobId: string): OwnerAlert => ({
  kind: 'job_failed',
  queue: 'maintenance',
  job: 'discounts.birthday',
  jobId,
  attempts: 5,
  reason: 'Connection <lost>',
  at: '2026-12-05T00:00:00.000Z',
});

describe('owner alerts', () => {
  it('gathers alerts of one window into one digest, due at the end of the window', () => {
    const start = Date.UTC(2026, 11, 5, 10, 0, 0);
    const first = digestWindow(start + 1_000, 60);
    expect(first.delayMs).toBe(59_000);
    expect(digestWindow(start + 59_000, 60).window).toBe(first.window);
    expect(digestWindow(start + 59_000, 60).delayMs).toBe(1_000);
    expect(digestWindow(start + 60_000, 60).window).not.toBe(digestWindow(start + 59_000, 60).window);
    expect(digestWindow(start, 0)).toEqual({ window: `now-${start}`, delayMs: 0 });
  });

  it('escapes what it quotes and lists at most 15 alerts', () => {
    const text = alertDigestText(Array.from({ length: 17 }, (_, i) => failed(`birthday-${i}`)));
    expect(text).toContain(
      '❌ Задача «подарки ко дню рождения» (birthday-0) не выполнена после 5 попыток: Connection &lt;lost&gt;',
    );
    expect(text).toContain('…и ещё 2');
    expect(text).not.toContain('birthday-15');
  });

  it('summarizes the day before the shop date it is sent on', () => {
    expect(summarizedDate('2026-12-06')).toBe('2026-12-05');
    expect(summarizedDate('2027-01-01')).toBe('2026-12-31');
    expect(summarizedDate('2028-03-01')).toBe('2028-02-29');
  });
});
