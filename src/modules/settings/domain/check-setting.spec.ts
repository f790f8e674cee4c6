import { DomainError } from '../../../common/errors/domain-error';
import { checkSettingValue, publicSettingValue, requireSettingKey } from './check-setting';
import { SETTING_DEFINITIONS, SETTING_KEYS } from './setting-definitions';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
}

describe('settings schema', () => {
  it('accepts every default value', () => {
    for (const key of SETTING_KEYS) {
      expect(checkSettingValue(key, SETTING_DEFINITIONS[key].defaultValue)).toEqual(
        SETTING_DEFINITIONS[key].defaultValue,
      );
    }
    expect(SETTING_KEYS).toHaveLength(20);
  });

  it.each([
    ['shop.timezone', 'Mars/Olympus'],
    ['birthday.send_at', '25:00'],
    ['birthday.send_at', 9],
    ['broadcast.rate_per_second', 0],
    ['broadcast.rate_per_second', 5000],
    ['broadcast.chunk_size', 10.5],
    ['owner_alerts.summary_at', '9:00'],
    ['owner_alerts.digest_delay_seconds', 3601],
    ['owner_alerts.morning_summary', 'yes'],
    ['broadcast.paid', 'yes'],
    ['channel.url', 'http://evil.example'],
    ['subscription.template_id', -1],
    ['test_mode.secret', 'short'],
  ] as const)('refuses %s = %j with SETTING_INVALID', (key, value) => {
    expect(codeOf(() => checkSettingValue(key, value))).toBe('SETTING_INVALID');
  });

  it('accepts the seed-era rate of 25 per minute as 0.42 per second', () => {
    expect(checkSettingValue('broadcast.rate_per_second', 0.42)).toBe(0.42);
  });

  it('refuses an unknown key and masks secrets', () => {
    expect(codeOf(() => requireSettingKey('shop.owner'))).toBe('SETTING_NOT_FOUND');
    expect(publicSettingValue('test_mode.secret', 'abcdefgh12')).toBe('********');
    expect(publicSettingValue('test_mode.secret', null)).toBeNull();
    expect(publicSettingValue('broadcast.paid', true)).toBe(true);
  });
});
