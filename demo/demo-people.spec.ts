import { DEMO_STAFF, demoPeople } from './demo-people';

describe('the demo sandbox people', () => {
  it('offers the demo clients (with their referral links), the cashier and the owner with a linked account', () => {
    const people = demoPeople({
      channel: '@marmeladny_dvorik',
      clients: [
        {
          telegramId: '9000000016',
          firstName: 'Павел',
          username: 'demo_516',
          referralCode: 'demog',
          activeCodes: '2',
          isSubscribed: 1,
        },
        {
          telegramId: 9000000035,
          firstName: 'Алина',
          username: null,
          referralCode: null,
          activeCodes: 0,
          isSubscribed: 0,
        },
      ],
    });
    expect(people.map((p) => [p.key, p.bot, p.user.id])).toEqual([
      ['client1', 'client', 9000000016],
      ['client2', 'client', 9000000035],
      ['cashier', 'staff', DEMO_STAFF.cashier.user.id],
      ['owner', 'staff', DEMO_STAFF.owner.user.id],
    ]);
    expect(people[0]).toMatchObject({ label: 'Клиент: Павел (есть скидки)', start: 'ref_demog' });
    expect(people[1]).toMatchObject({ label: 'Клиент: Алина', start: undefined });
    expect(new Set(people.map((p) => p.key)).size).toBe(people.length);
  });
});
