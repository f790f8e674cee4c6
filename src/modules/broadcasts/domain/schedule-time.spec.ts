import { DomainError } from '../../../common/errors/domain-error';
import { chatDateTime, parseScheduleTime } from './schedule-time';

const NOW = new Date('2026-03-01T00:00:00Z'); // 10:00 in Vladivostok
const TZ = 'Asia/Vladivostok';

describe('parseScheduleTime', () => {
  it('reads a time without an offset in shop time', () => {
    expect(parseScheduleTime('2026-03-08T10:00', TZ, NOW).toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(parseScheduleTime('2026-03-08 10:00:30', TZ, NOW).toISOString()).toBe('2026-03-08T00:00:30.000Z');
  });

  it('honours an offset or Z', () => {
    expect(parseScheduleTime('2026-03-08T10:00:00+03:00', TZ, NOW).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(parseScheduleTime('2026-03-08T10:00Z', TZ, NOW).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(parseScheduleTime('2026-03-08T10:00+0300', TZ, NOW).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('refuses the past (shop time decides) and malformed input', () => {
    const code = (input: string) => {
      try {
        parseScheduleTime(input, TZ, NOW);
        return null;
      } catch (error) {
        return (error as DomainError).code;
      }
    };
    expect(code('2026-03-01T09:59')).toBe('BROADCAST_SCHEDULE_IN_PAST'); // 23:59 UTC the day before
    expect(code('2026-03-01T10:00')).toBe('BROADCAST_SCHEDULE_IN_PAST'); // exactly now
    expect(code('2026-03-01T10:01')).toBeNull();
    expect(code('2026-03-08')).toBe('VALIDATION_FAILED');
    expect(code('tomorrow')).toBe('VALIDATION_FAILED');
    expect(code('2026-02-30T10:00')).toBe('VALIDATION_FAILED');
  });
});

describe('chatDateTime', () => {
  it('reads the dates people type', () => {
    expect(chatDateTime('08.03.2027 10:00', 2026)).toBe('2027-03-08T10:00');
    expect(chatDateTime('8.3 9:05', 2026)).toBe('2026-03-08T09:05');
    expect(chatDateTime('08/03/27, 10.30', 2026)).toBe('2027-03-08T10:30');
    expect(chatDateTime('завтра', 2026)).toBeNull();
    expect(chatDateTime('08.03.2027', 2026)).toBeNull();
  });
});
