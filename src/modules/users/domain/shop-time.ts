const DAY_MS = 24 * 3600 * 1000;
const OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

/**
 * A formatter of instants as `YYYY-MM-DD HH:mm` in `timezone`, fast enough for two cells in each of
 * 100 000 rows: the zone's UTC offset is looked up (through Intl) once per UTC day and the rest is
 * arithmetic. A day whose offset changes (a daylight-saving switch) is formatted through Intl minute by
 * minute, so the switch itself is exact.
 */
export function timeFormatter(timezone: string): (date: Date) => string {
  const intl = new Intl.DateTimeFormat('en-CA', { ...OPTIONS, timeZone: timezone });
  const wallClock = (ms: number) => {
    const part = Object.fromEntries(
      intl.formatToParts(new Date(ms)).map(({ type, value }) => [type, Number(value)]),
    );
    return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  };
  const offsetAt = (ms: number) => wallClock(ms) - Math.floor(ms / 1000) * 1000;
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  const format = (wall: number) => {
    const d = new Date(wall);
    return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  };
  const offsets = new Map<number, number | null>();
  return (date) => {
    const ms = date.getTime();
    const day = Math.floor(ms / DAY_MS);
    let offset = offsets.get(day);
    if (offset === undefined) {
      const [start, end] = [offsetAt(day * DAY_MS), offsetAt((day + 1) * DAY_MS - 1000)];
      offset = start === end ? start : null;
      offsets.set(day, offset);
    }
    return format(offset === null ? wallClock(ms) : ms + offset);
  };
}
