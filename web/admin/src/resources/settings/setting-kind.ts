/** The input a setting takes, read from the `expected` text the API gives for it. */
export type SettingKind = 'boolean' | 'number' | 'text';

export interface SettingView {
  key: string;
  value: unknown;
  defaultValue: unknown;
  expected: string;
  description: string;
}

export function settingKind(setting: SettingView): SettingKind {
  if (/^true or false$/i.test(setting.expected) || typeof setting.defaultValue === 'boolean')
    return 'boolean';
  if (/\b(integer|number|id)\b/i.test(setting.expected) || typeof setting.defaultValue === 'number')
    return 'number';
  return 'text';
}

/** Whether the setting may be emptied (its expected text says "or null" / "null or"). */
export const nullable = (setting: SettingView) => /\bnull\b/i.test(setting.expected);

/** The typed value of what the form holds; '' is null for a nullable setting. */
export function parseSetting(setting: SettingView, raw: string | boolean): unknown {
  const kind = settingKind(setting);
  if (kind === 'boolean') return Boolean(raw);
  const text = String(raw).trim();
  if (text === '' && nullable(setting)) return null;
  if (kind === 'number') return text === '' ? Number.NaN : Number(text.replace(',', '.'));
  return String(raw);
}

export function showSetting(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
