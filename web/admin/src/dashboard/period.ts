import { daysBefore, shopToday } from '../format/shop-time';

/** The dashboard's period: shop-time dates, both inclusive (the stats API's `from`/`to`). */
export interface Period {
  from: string;
  to: string;
}

export type PeriodPreset = '7' | '30' | '90' | '365' | 'custom';

export const PRESETS: { id: PeriodPreset; name: string }[] = [
  { id: '7', name: '7 дней' },
  { id: '30', name: '30 дней' },
  { id: '90', name: '90 дней' },
  { id: '365', name: 'Год' },
  { id: 'custom', name: 'Свой период' },
];

/** The last `days` shop days, today included (the API's own default for 30). */
export function lastDays(days: number, today: string = shopToday()): Period {
  return { from: daysBefore(today, days - 1), to: today };
}
