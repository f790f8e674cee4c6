/**
 * What the sandbox page and the emulator say to each other (JSON). No imports: the page imports these
 * types too, and it runs in the browser.
 */

/** A bot people can talk to in the sandbox; the page names it by id, never by token. */
export interface SandboxBot {
  id: number;
  username: string;
  title: string;
  /** `client` gets the channel membership switch. */
  role: 'client' | 'staff';
}

/** Someone to be in the sandbox: a demo client, a cashier, an admin with a linked Telegram account. */
export interface SandboxPerson {
  /** Stable key for the page's URL (`?as=<key>`). */
  key: string;
  /** What the picker shows, e.g. «Кассир Ольга». */
  label: string;
  /** Which bot this person usually talks to. */
  bot: 'client' | 'staff';
  user: SandboxUser;
  /** One line on who this is and what to try. */
  hint?: string;
  /** A /start payload that brings a new person in (a referral link of a demo client). */
  start?: string;
}

export interface SandboxUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}

export interface SandboxCast {
  bots: SandboxBot[];
  people: SandboxPerson[];
  /** The shop's channel (`@username`) whose membership the client bot checks; null when unknown. */
  channel: string | null;
}

export interface SandboxButton {
  text: string;
  data?: string;
  url?: string;
}

export interface SandboxEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

export interface SandboxMessage {
  id: number;
  fromBot: boolean;
  date: number;
  text?: string;
  entities?: SandboxEntity[];
  caption?: string;
  captionEntities?: SandboxEntity[];
  /** URL of the picture (the largest size) on the emulator. */
  photo?: string;
  video?: string;
  document?: string;
  inlineKeyboard?: SandboxButton[][];
  edited: boolean;
}

export interface SandboxChat {
  version: number;
  messages: SandboxMessage[];
  /** The reply keyboard under the input field, if the bot set one. */
  replyKeyboard: string[][] | null;
  /** Whether the person is in the shop's channel; null when no channel is known. */
  member: boolean | null;
  /** Whether the person has blocked this bot. */
  blocked: boolean;
}

/** What the bot answered to a button press (a toast or an alert, as Telegram shows it). */
export interface SandboxPressResult {
  answer: { text: string; alert: boolean } | null;
  problem: string | null;
}

export interface SandboxSendResult {
  problem: string | null;
}
