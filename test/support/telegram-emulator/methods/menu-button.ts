import { badRequest } from '../api-error';
import type { MethodSpec } from './method-spec';

/** Where a bot's menu button is kept: per private chat, or the bot's default (`chat_id` left out). */
export function menuButtonKey(token: string, chatId: number | undefined): string {
  return `${token}|${chatId ?? 'default'}`;
}

/** The button a private chat shows: its own, else the bot's default, else Telegram's list of commands. */
export function menuButtonFor(
  buttons: ReadonlyMap<string, unknown>,
  token: string,
  chatId: number | undefined,
): unknown {
  const own = chatId === undefined ? undefined : buttons.get(menuButtonKey(token, chatId));
  if (own && (own as { type?: string }).type !== 'default') return own;
  return buttons.get(menuButtonKey(token, undefined)) ?? { type: 'commands' };
}

/** Telegram's checks of a MenuButton: a known type; a web_app one with a text and an https URL. */
function checkMenuButton(button: unknown): void {
  const {
    type,
    text,
    web_app: webApp,
  } = (button ?? {}) as { type?: unknown; text?: unknown; web_app?: unknown };
  if (type === 'default' || type === 'commands') return;
  if (type !== 'web_app') throw badRequest("can't parse menu button: unsupported type");
  if (typeof text !== 'string' || text.length < 1 || text.length > 64)
    throw badRequest('menu button text is empty');
  const url = (webApp as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string' || !/^https:\/\/[^\s]+$/.test(url)) {
    throw badRequest('BUTTON_URL_INVALID: only HTTPS links are allowed');
  }
}

const setChatMenuButton: MethodSpec = {
  name: 'setChatMenuButton',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle({ state, token, params }) {
    const button = params.json('menu_button') ?? { type: 'default' };
    checkMenuButton(button);
    state.menuButtons.set(menuButtonKey(token, params.int('chat_id')), button);
    return true;
  },
};

const getChatMenuButton: MethodSpec = {
  name: 'getChatMenuButton',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle: ({ state, token, params }) => menuButtonFor(state.menuButtons, token, params.int('chat_id')),
};

export const menuButtonMethods: MethodSpec[] = [setChatMenuButton, getChatMenuButton];
