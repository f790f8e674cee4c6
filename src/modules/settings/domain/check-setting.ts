import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { isSettingKey, SETTING_DEFINITIONS, SettingKey, SettingValues } from './setting-definitions';

/** Returns the key when the shop has such a setting, else SETTING_NOT_FOUND. */
export function requireSettingKey(key: string): SettingKey {
  if (!isSettingKey(key)) throw new DomainError(ErrorCode.SETTING_NOT_FOUND, `No setting "${key}"`, { key });
  return key;
}

/** Returns the value when it fits the key's schema, else SETTING_INVALID saying what is expected. */
export function checkSettingValue<K extends SettingKey>(key: K, value: unknown): SettingValues[K] {
  const definition = SETTING_DEFINITIONS[key];
  if (!definition.check(value)) {
    throw new DomainError(ErrorCode.SETTING_INVALID, `Setting "${key}" expects ${definition.expected}`, {
      key,
      expected: definition.expected,
    });
  }
  return value as SettingValues[K];
}

/** What may be shown or logged of a value: secrets are masked. */
export function publicSettingValue(key: SettingKey, value: unknown): unknown {
  return SETTING_DEFINITIONS[key].secret && value !== null ? '********' : value;
}
