import { Markup } from 'telegraf';

/** The four buttons of the client bot's reply keyboard (SPEC 3), as the client sees and sends them. */
export const MENU_BUTTONS = {
  discounts: '🎁 Мои скидки',
  subscribe: '📢 Подписаться',
  birthday: '🎂 День рождения',
  help: '❓ Помощь',
} as const;

export type MenuChoice = keyof typeof MENU_BUTTONS;

/** The reply keyboard sent with the welcome, help and fallback texts. */
export function clientKeyboard() {
  return Markup.keyboard([
    [MENU_BUTTONS.discounts, MENU_BUTTONS.subscribe],
    [MENU_BUTTONS.birthday, MENU_BUTTONS.help],
  ]).resize();
}

/** Callback data of the client bot's inline buttons. */
export const CLIENT_BUTTONS = {
  /** «Я подписался» under the channel invitation. */
  checkSubscription: 'sub:check',
  /** «Да» / «Нет» under the birthday confirmation. */
  birthdayYes: 'bday:yes',
  birthdayNo: 'bday:no',
} as const;

/** Commands that do what a button does, for people who type (and for Telegram's menu). */
const COMMANDS: Readonly<Record<string, MenuChoice>> = {
  '/discounts': 'discounts',
  '/subscribe': 'subscribe',
  '/birthday': 'birthday',
  '/help': 'help',
};

const WORDS: ReadonlyArray<readonly [RegExp, MenuChoice]> = [
  [/^мои скидки$/, 'discounts'],
  [/^подписаться$/, 'subscribe'],
  [/^день рождения$/, 'birthday'],
  [/^помощь$/, 'help'],
];

/**
 * Which menu item a message asks for: a keyboard button, the same words typed without the emoji (any
 * case), or its command (`/help`, `/help@bot`); null for anything else.
 */
export function menuChoice(text: string): MenuChoice | null {
  const command = /^(\/[a-z_]+)(@\w+)?$/i.exec(text.trim());
  if (command) return COMMANDS[command[1].toLowerCase()] ?? null;
  const words = text
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return WORDS.find(([pattern]) => pattern.test(words))?.[1] ?? null;
}
