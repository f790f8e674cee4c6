import { Clock } from './clock';

describe('Clock', () => {
  it('reads the system time by default and can be pinned, advanced and reset', () => {
    const clock = new Clock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
    clock.set('2026-02-28T23:59:00Z');
    expect(clock.now().toISOString()).toBe('2026-02-28T23:59:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
    clock.set('2030-01-01T00:00:00Z', true);
    expect(clock.now().getUTCFullYear()).toBe(2030);
    clock.reset();
    expect(clock.now().getUTCFullYear()).toBeLessThan(2030);
  });
});
