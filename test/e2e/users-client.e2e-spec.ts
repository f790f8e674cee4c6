import { EventBus } from '@nestjs/cqrs';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/common/audit/audit-entry';
import { DomainError } from '../../src/common/errors/domain-error';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { MarkClientBlockedCommand } from '../../src/modules/users/commands/mark-client-blocked.command';
import { RecordClientVisitCommand } from '../../src/modules/users/commands/record-client-visit.command';
import { SetBirthDateCommand } from '../../src/modules/users/commands/set-birth-date.command';
import { SetSubscriptionCommand } from '../../src/modules/users/commands/set-subscription.command';
import { DeleteUserCommand } from '../../src/modules/users/commands/delete-user.command';
import {
  BirthDateSetEvent,
  UserBlockedBotEvent,
  UserReactivatedEvent,
  UserRegisteredEvent,
  UserSubscribedEvent,
  UserUnsubscribedEvent,
  UserUpdatedEvent,
} from '../../src/modules/users/events/user.events';
import { User } from '../../src/modules/users/persistence/user.entity';
import { FindClientQuery } from '../../src/modules/users/queries/find-client.query';
import { loginAs } from '../support/auth';
import { aUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const NOW = new Date('2026-07-14T02:00:00Z');
let nextTelegramId = 900_000_000;

/**
 * The commands the client bot sends to the users module, run directly: what they store, what they answer,
 * and which events they publish (once per fact).
 */
describe('users module: commands of the client bot', () => {
  let t: TestApp;
  let events: object[] = [];
  const row = (id: number) => t.dataSource.getRepository(User).findOneByOrFail({ id });
  const start = (payload: string | null = null, fields: Record<string, unknown> = {}) =>
    t.commands.execute(
      new RecordClientVisitCommand({ telegramId: ++nextTelegramId, firstName: 'Анна', payload, ...fields }),
    );
  const published = <T extends object>(type: new (...args: never[]) => T): T[] =>
    events.filter((e): e is T => e instanceof type);
  const failure = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return { code: (error as DomainError).code, reason: (error as DomainError).details?.reason };
    }
    return 'accepted';
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    t.get(EventBus).subscribe((event: object) => events.push(event));
  });
  beforeEach(() => {
    events = [];
    t.clock.set(NOW);
  });
  afterAll(() => t.close());

  describe('RecordClientVisitCommand (/start)', () => {
    it('registers a new client with the payload as first-touch source and a referral code of its own', async () => {
      const result = await t.commands.execute(
        new RecordClientVisitCommand({
          telegramId: 123_000_001,
          username: 'anna_sweet',
          firstName: 'Анна',
          lastName: 'Смирнова',
          languageCode: 'ru',
          payload: 'Instagram',
        }),
      );
      expect(result).toEqual({ userId: expect.any(Number), isNew: true, reactivated: false });
      const user = await row(result.userId);
      expect(user).toMatchObject({
        telegramId: 123_000_001,
        username: 'anna_sweet',
        firstName: 'Анна',
        lastName: 'Смирнова',
        languageCode: 'ru',
        source: 'instagram',
        status: 'active',
        isTest: false,
        tags: [],
        referredByUserId: null,
        lastActivityAt: NOW,
      });
      expect(user.referralCode).toMatch(/^[a-hjkmnp-z2-9]{8}$/);
      expect(published(UserRegisteredEvent)).toEqual([
        expect.objectContaining({
          userId: result.userId,
          source: 'instagram',
          referredByUserId: null,
          isTest: false,
          previousUserId: null,
        }),
      ]);
    });

    it('refreshes a known client (names, last activity) and never changes the first-touch source', async () => {
      const first = await t.commands.execute(
        new RecordClientVisitCommand({ telegramId: 123_000_002, firstName: 'Аня', payload: 'flyer' }),
      );
      t.clock.set(new Date(NOW.getTime() + 3_600_000));
      events = [];
      const again = await t.commands.execute(
        new RecordClientVisitCommand({
          telegramId: 123_000_002,
          firstName: 'Анна',
          username: 'anna2',
          payload: 'vk',
        }),
      );
      expect(again).toEqual({ userId: first.userId, isNew: false, reactivated: false });
      expect(await row(first.userId)).toMatchObject({
        firstName: 'Анна',
        username: 'anna2',
        source: 'flyer',
        lastActivityAt: new Date(NOW.getTime() + 3_600_000),
      });
      expect(events).toEqual([]);
    });

    it('takes `direct` without a payload or with one outside [a-z0-9_-]{1,64}', async () => {
      for (const payload of [null, 'со скидкой', 'x'.repeat(65)]) {
        expect((await row((await start(payload)).userId)).source).toBe('direct');
      }
    });

    it('records who invited whom through ref_<code>, source `referral`', async () => {
      const inviter = await start('instagram');
      const code = (await row(inviter.userId)).referralCode;
      const invited = await start(`ref_${code}`);
      expect(await row(invited.userId)).toMatchObject({
        referredByUserId: inviter.userId,
        source: 'referral',
      });
      expect(published(UserRegisteredEvent).at(-1)).toMatchObject({ referredByUserId: inviter.userId });
      // An unknown code: nobody invited them.
      expect(await row((await start('ref_zzzzzzzz')).userId)).toMatchObject({
        referredByUserId: null,
        source: 'referral',
      });
    });

    it('ignores a known client’s own code and a loop through a deleted-and-returned person', async () => {
      const self = await start();
      const selfRow = await row(self.userId);
      await t.commands.execute(
        new RecordClientVisitCommand({
          telegramId: Number(selfRow.telegramId),
          payload: `ref_${selfRow.referralCode}`,
        }),
      );
      expect((await row(self.userId)).referredByUserId).toBeNull();

      // P invites Q; P is deleted and comes back through Q's link: Q -> P (hashed) would be a loop.
      const p = await start();
      const pTelegramId = Number((await row(p.userId)).telegramId);
      const q = await start(`ref_${(await row(p.userId)).referralCode}`);
      await t.commands.execute(new DeleteUserCommand(p.userId, SYSTEM_ACTOR));
      const back = await t.commands.execute(
        new RecordClientVisitCommand({
          telegramId: pTelegramId,
          payload: `ref_${(await row(q.userId)).referralCode}`,
        }),
      );
      expect(back.isNew).toBe(true);
      expect(await row(back.userId)).toMatchObject({ referredByUserId: null, source: 'referral' });
      expect(published(UserRegisteredEvent).at(-1)).toMatchObject({ previousUserId: p.userId });
    });

    it('marks a tester through test_<secret> when it matches test_mode.secret, never otherwise', async () => {
      expect((await row((await start('test_S3cret-Value')).userId)).isTest).toBe(false); // no secret set
      await t.commands.execute(new ChangeSettingCommand('test_mode.secret', 'S3cret-Value', SYSTEM_ACTOR));
      const tester = await start('test_S3cret-Value');
      expect(await row(tester.userId)).toMatchObject({ isTest: true, source: 'direct' });
      expect(published(UserRegisteredEvent).at(-1)).toMatchObject({ isTest: true });
      expect((await row((await start('test_s3cret-value')).userId)).isTest).toBe(false);
      // A known client with the link becomes a tester too.
      const known = await start();
      events = [];
      const telegramId = Number((await row(known.userId)).telegramId);
      await t.commands.execute(new RecordClientVisitCommand({ telegramId, payload: 'test_S3cret-Value' }));
      expect((await row(known.userId)).isTest).toBe(true);
      expect(published(UserUpdatedEvent)).toEqual([
        expect.objectContaining({ userId: known.userId, fields: ['isTest'] }),
      ]);
      await t.commands.execute(new ChangeSettingCommand('test_mode.secret', null, SYSTEM_ACTOR));
    });

    it('makes a client who had blocked the bot active again', async () => {
      const client = await aUser(t.dataSource, { status: 'blocked', blockedAt: NOW });
      const result = await t.commands.execute(
        new RecordClientVisitCommand({ telegramId: Number(client.telegramId) }),
      );
      expect(result).toEqual({ userId: client.id, isNew: false, reactivated: true });
      expect(await row(client.id)).toMatchObject({ status: 'active', blockedAt: null });
      expect(published(UserReactivatedEvent)).toEqual([expect.objectContaining({ userId: client.id })]);
    });

    it('reactivates once when a blocked client’s presses arrive together', async () => {
      const client = await aUser(t.dataSource, { status: 'blocked', blockedAt: NOW });
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          t.commands.execute(new RecordClientVisitCommand({ telegramId: Number(client.telegramId) })),
        ),
      );
      expect(results.filter((r) => r.reactivated)).toHaveLength(1);
      expect(published(UserReactivatedEvent)).toHaveLength(1);
    });

    it('registers one client when the same person presses /start twice at once', async () => {
      const telegramId = ++nextTelegramId;
      const results = await Promise.all(
        [1, 2, 3].map(() => t.commands.execute(new RecordClientVisitCommand({ telegramId, payload: 'vk' }))),
      );
      expect(new Set(results.map((r) => r.userId)).size).toBe(1);
      expect(results.filter((r) => r.isNew)).toHaveLength(1);
      expect(await t.dataSource.getRepository(User).countBy({ telegramId })).toBe(1);
      expect(published(UserRegisteredEvent)).toHaveLength(1);
    });

    it('gives every client a different referral code', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, () => start()));
      const codes = await Promise.all(results.map(async (r) => (await row(r.userId)).referralCode));
      expect(new Set(codes).size).toBe(40);
    });

    it('finds a client by Telegram id for the bot (FindClientQuery), not a stranger', async () => {
      const client = await aUser(t.dataSource, { birthDate: '1904-03-07', isSubscribed: true });
      expect(await t.queries.execute(new FindClientQuery(Number(client.telegramId)))).toEqual({
        userId: client.id,
        status: 'active',
        firstName: client.firstName,
        isSubscribed: true,
        birthDate: '--03-07',
        referralCode: client.referralCode,
        isTest: false,
      });
      expect(await t.queries.execute(new FindClientQuery(42))).toBeNull();
    });
  });

  describe('MarkClientBlockedCommand', () => {
    it('blocks an active client once, and leaves unknown ones alone', async () => {
      const client = await aUser(t.dataSource);
      const telegramId = Number(client.telegramId);
      expect(await t.commands.execute(new MarkClientBlockedCommand(telegramId))).toEqual({
        userId: client.id,
        changed: true,
      });
      expect(await row(client.id)).toMatchObject({ status: 'blocked', blockedAt: NOW });
      expect(await t.commands.execute(new MarkClientBlockedCommand(telegramId))).toEqual({
        userId: client.id,
        changed: false,
      });
      expect(published(UserBlockedBotEvent)).toHaveLength(1);
      expect(await t.commands.execute(new MarkClientBlockedCommand(42))).toEqual({
        userId: null,
        changed: false,
      });
    });

    it('publishes once under a burst of parallel 403s', async () => {
      const client = await aUser(t.dataSource);
      await Promise.all(
        [1, 2, 3, 4].map(() => t.commands.execute(new MarkClientBlockedCommand(Number(client.telegramId)))),
      );
      expect(published(UserBlockedBotEvent)).toHaveLength(1);
    });
  });

  describe('SetSubscriptionCommand', () => {
    it('publishes once per transition; firstTime only on the very first subscription', async () => {
      const client = await aUser(t.dataSource);
      const set = (subscribed: boolean) =>
        t.commands.execute(new SetSubscriptionCommand(client.id, subscribed, 'channel'));
      expect(await set(false)).toEqual({ changed: false, firstTime: false });
      expect((await row(client.id)).subscriptionCheckedAt).toBeNull();
      expect(await set(true)).toEqual({ changed: true, firstTime: true });
      expect(await row(client.id)).toMatchObject({ isSubscribed: true, subscriptionCheckedAt: NOW });
      t.clock.set(new Date(NOW.getTime() + 60_000));
      expect(await set(true)).toEqual({ changed: false, firstTime: false });
      expect((await row(client.id)).subscriptionCheckedAt).toEqual(new Date(NOW.getTime() + 60_000));
      expect(await set(false)).toEqual({ changed: true, firstTime: false });
      expect(await set(true)).toEqual({ changed: true, firstTime: false });
      expect(
        events.filter((e) => e instanceof UserSubscribedEvent || e instanceof UserUnsubscribedEvent),
      ).toEqual([
        expect.objectContaining({ constructor: UserSubscribedEvent, userId: client.id, firstTime: true }),
        expect.objectContaining({ constructor: UserUnsubscribedEvent, userId: client.id }),
        expect.objectContaining({ constructor: UserSubscribedEvent, userId: client.id, firstTime: false }),
      ]);
    });

    it('publishes once when the same press arrives twice at once', async () => {
      const client = await aUser(t.dataSource);
      const results = await Promise.all(
        [1, 2, 3].map(() => t.commands.execute(new SetSubscriptionCommand(client.id, true, 'channel'))),
      );
      expect(results.filter((r) => r.changed)).toEqual([{ changed: true, firstTime: true }]);
      expect(published(UserSubscribedEvent)).toHaveLength(1);
    });

    it('answers USER_NOT_FOUND and USER_DELETED', async () => {
      expect(
        await failure(t.commands.execute(new SetSubscriptionCommand(999_999, true, 'channel'))),
      ).toMatchObject({
        code: 'USER_NOT_FOUND',
      });
      const gone = await aUser(t.dataSource, { status: 'deleted', telegramId: null });
      expect(
        await failure(t.commands.execute(new SetSubscriptionCommand(gone.id, true, 'channel'))),
      ).toMatchObject({
        code: 'USER_DELETED',
      });
    });
  });

  describe('SetBirthDateCommand', () => {
    it('saves a client’s date once; a second attempt is BIRTH_DATE_ALREADY_SET', async () => {
      const client = await aUser(t.dataSource);
      expect(await t.commands.execute(new SetBirthDateCommand(client.id, '1995-03-07', 'client'))).toEqual({
        birthDate: '1995-03-07',
        changed: true,
      });
      expect(await row(client.id)).toMatchObject({
        birthDate: '1995-03-07',
        birthDateSetAt: NOW,
        birthMonth: 3,
        birthDay: 7,
      });
      expect(published(BirthDateSetEvent)).toEqual([
        expect.objectContaining({
          userId: client.id,
          cleared: false,
          by: 'client',
          replaced: false,
        }),
      ]);
      expect(
        await failure(t.commands.execute(new SetBirthDateCommand(client.id, '1995-03-08', 'client'))),
      ).toMatchObject({
        code: 'BIRTH_DATE_ALREADY_SET',
      });
      // The shop may change it.
      const owner = await loginAs(t, 'owner');
      await t.commands.execute(
        new SetBirthDateCommand(client.id, '1995-03-08', 'admin', { type: 'admin', id: owner.admin.id }),
      );
      expect((await row(client.id)).birthDate).toBe('1995-03-08');
    });

    it('refuses impossible and future dates and ages outside 5..120, in shop time', async () => {
      const client = await aUser(t.dataSource);
      const attempt = (date: string) =>
        failure(t.commands.execute(new SetBirthDateCommand(client.id, date, 'client')));
      expect(await attempt('1995-02-29')).toEqual({ code: 'BIRTH_DATE_INVALID', reason: 'format' });
      expect(await attempt('2026-07-15')).toEqual({ code: 'BIRTH_DATE_INVALID', reason: 'future' });
      expect(await attempt('2022-01-01')).toEqual({ code: 'BIRTH_DATE_INVALID', reason: 'age' });
      expect(await attempt('1900-01-01')).toEqual({ code: 'BIRTH_DATE_INVALID', reason: 'age' });
      // 14 July 2026 02:00 UTC is noon on the 14th in Vladivostok: 14 July 2021 makes 5 today.
      expect(await attempt('2021-07-14')).toBe('accepted');
    });

    it('keeps a birthday without a year (ДД.ММ) as a day of the year, shown as --MM-DD', async () => {
      const client = await aUser(t.dataSource);
      expect(await t.commands.execute(new SetBirthDateCommand(client.id, '--02-29', 'client'))).toEqual({
        birthDate: '--02-29',
        changed: true,
      });
      expect(await row(client.id)).toMatchObject({ birthDate: '1904-02-29', birthMonth: 2, birthDay: 29 });
      const owner = await loginAs(t, 'readonly');
      const card = await request(t.url).get(`/api/v1/users/${client.id}`).set(owner.auth);
      expect(card.body.birthDate).toBe('--02-29');
    });
  });
});
