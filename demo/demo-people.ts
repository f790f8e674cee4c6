import type { SandboxPerson, SandboxUser } from '../test/support/telegram-emulator/sandbox/sandbox-types';

/** What the demo database tells the sandbox: a few clients to be, and the channel the client bot checks. */
export interface DemoShopState {
  clients: Array<{
    telegramId: number | string;
    firstName: string;
    username: string | null;
    referralCode: string | null;
    activeCodes: number | string;
    isSubscribed: number | string;
  }>;
  channel: string;
}

/** The demo's staff: the owner (username `demo`) with a linked Telegram account, and an approved cashier. */
export const DEMO_STAFF = {
  owner: {
    username: 'demo',
    user: { id: 8_000_000_100, first_name: 'Анна', last_name: 'Владелица' } as SandboxUser,
  },
  cashier: { user: { id: 8_000_000_001, first_name: 'Ольга', last_name: 'Кассир' } as SandboxUser },
};

/** The people of the sandbox's picker: demo clients, the cashier, the owner. Pure. */
export function demoPeople(state: DemoShopState): SandboxPerson[] {
  const clients = state.clients.map((c, i): SandboxPerson => ({
    key: `client${i + 1}`,
    label: `Клиент: ${c.firstName}${Number(c.activeCodes) > 0 ? ' (есть скидки)' : ''}`,
    bot: 'client',
    user: { id: Number(c.telegramId), first_name: c.firstName, username: c.username ?? undefined },
    hint: 'Клиент из демо-магазина: «🎁 Мои скидки» покажет его коды с QR.',
    start: c.referralCode ? `ref_${c.referralCode}` : undefined,
  }));
  return [
    ...clients,
    {
      key: 'cashier',
      label: 'Кассир: Ольга',
      bot: 'staff',
      user: DEMO_STAFF.cashier.user,
      hint: 'Одобренный кассир: пришлите код клиента, бот покажет скидку и кнопку «Погасить».',
    },
    {
      key: 'owner',
      label: 'Владелица: Анна (админ demo)',
      bot: 'staff',
      user: DEMO_STAFF.owner.user,
      hint: 'Telegram администратора demo привязан: /broadcast — рассылка из бота, заявки кассиров приходят сюда.',
    },
  ];
}
