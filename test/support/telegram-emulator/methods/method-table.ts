import { botAccountMethods } from './bot-account';
import { chatQueryMethods } from './chat-queries';
import { editingMethods } from './editing';
import { menuButtonMethods } from './menu-button';
import type { MethodSpec } from './method-spec';
import { sendingMethods } from './sending';
import { updateMethods } from './updates';

/** The methods the emulator implements, by lower-cased name: Telegram matches method names case-insensitively. */
export function methodTable(): Map<string, MethodSpec> {
  const all = [
    ...botAccountMethods,
    ...sendingMethods,
    ...editingMethods,
    ...chatQueryMethods,
    ...updateMethods,
    ...menuButtonMethods,
  ];
  return new Map(all.map((spec) => [spec.name.toLowerCase(), spec]));
}
