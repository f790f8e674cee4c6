const rubles = new Intl.NumberFormat('ru-RU', {
  style: 'currency',
  currency: 'RUB',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

/** Kopecks (the API's integer money) as rubles: 150050 → «1 500,5 ₽». */
export function formatRubles(kopecks: number | null | undefined): string {
  if (kopecks === null || kopecks === undefined) return '';
  return rubles.format(kopecks / 100);
}

/** Rubles typed by a person («1500,50» or «1500.5») as kopecks; null when it is not a sum. */
export function kopecksFromRubles(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined || text === '') return null;
  const value = typeof text === 'number' ? text : Number(String(text).replace(/\s/g, '').replace(',', '.'));
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.round(value * 100);
}

/** Kopecks as a plain rubles number for an input (150050 → 1500.5). */
export function rublesFromKopecks(kopecks: number | null | undefined): number | null {
  return kopecks === null || kopecks === undefined ? null : kopecks / 100;
}
