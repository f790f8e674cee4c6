import type { SandboxCast, SandboxPerson, SandboxUser } from '../sandbox-types';

/** Who this tab is, and to which bot it talks; kept in the page's URL, so a reload keeps the person. */
export interface Identity {
  /** A cast member's key, or `new` for a newcomer. */
  key: string;
  user: SandboxUser;
  bot: 'client' | 'staff';
  /** The newcomer's /start payload (a deep link such as `?start=instagram`). */
  start: string;
  person?: SandboxPerson;
}

export const NEWCOMER = 'new';

/** Reads the identity from `?as=&id=&name=&start=&bot=`; a newcomer without an id gets a fresh one. */
export function identityFrom(params: URLSearchParams, cast: SandboxCast): Identity {
  const person = cast.people.find((p) => p.key === params.get('as'));
  const bot = params.get('bot');
  const chosenBot = bot === 'client' || bot === 'staff' ? bot : undefined;
  if (person) return { key: person.key, user: person.user, bot: chosenBot ?? person.bot, start: '', person };
  const id = Number(params.get('id'));
  return {
    key: NEWCOMER,
    user: {
      id: Number.isSafeInteger(id) && id > 0 ? id : freshId(),
      first_name: params.get('name')?.trim() || 'Гость',
    },
    bot: chosenBot ?? 'client',
    start: params.get('start')?.trim() ?? '',
  };
}

/** The URL query that brings this identity back. */
export function queryOf(identity: Identity): string {
  const params = new URLSearchParams({ as: identity.key, bot: identity.bot });
  if (identity.key === NEWCOMER) {
    params.set('id', String(identity.user.id));
    params.set('name', identity.user.first_name);
    if (identity.start) params.set('start', identity.start);
  }
  return `?${params.toString()}`;
}

/** A Telegram-like user id no demo person has (demo clients are 9 000 000 000 and up). */
function freshId(): number {
  const random = new Uint32Array(1);
  crypto.getRandomValues(random);
  return 6_000_000_000 + (random[0] % 1_000_000_000);
}
