import request from 'supertest';
import { SelectQueryBuilder } from 'typeorm';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { User } from '../../src/modules/users/persistence/user.entity';
import { loginAs } from '../support/auth';
import { aClientRedemption, aDiscount, aUser, manyUsers } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

/** 14 July 2026, 12:00 in Vladivostok. */
const NOW = new Date('2026-07-14T02:00:00Z');
const at = (iso: string) => new Date(iso);

/** Reads a response body as raw bytes (to see the BOM and the line ends exactly as sent). */
const raw = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('users admin API: list, card, export', () => {
  let t: TestApp;
  let reader: Awaited<ReturnType<typeof loginAs>>;
  const ids: Record<string, number> = {};
  const names = (body: { items: { id: number }[] }) => {
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return body.items.map((item) => byId[item.id]);
  };
  const list = async (query: string) => {
    const response = await request(t.url).get(`/api/v1/users?${query}`).set(reader.auth);
    expect(response.status).toBe(200);
    return response.body as { items: { id: number }[]; total: number; page: number; limit: number };
  };
  const listed = async (query: string) => names(await list(query)).sort();

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    t.clock.set(NOW);
    reader = await loginAs(t, 'readonly');
    const anna = await aUser(t.dataSource, {
      telegramId: 111111111,
      firstName: 'Анна',
      lastName: 'Смирнова',
      username: 'anna_sweet',
      tags: ['vip', 'сладкоежка'],
      source: 'instagram',
      isSubscribed: true,
      birthDate: '1990-07-20',
      createdAt: at('2026-07-10T03:00:00Z'),
      lastActivityAt: at('2026-07-13T03:00:00Z'),
    });
    const boris = await aUser(t.dataSource, {
      firstName: 'Борис',
      lastName: 'Иванов',
      username: 'borya',
      tags: ['vip'],
      source: 'vk',
      status: 'blocked',
      birthDate: '1985-12-31',
      createdAt: at('2026-01-15T03:00:00Z'),
      lastActivityAt: at('2026-05-01T03:00:00Z'),
    });
    const vera = await aUser(t.dataSource, {
      firstName: 'Вера',
      lastName: 'Петрова',
      source: 'direct',
      isSubscribed: true,
      birthDate: '2000-02-29',
      referredByUserId: anna.id,
      createdAt: at('2025-06-01T03:00:00Z'),
      lastActivityAt: null,
    });
    const gleb = await aUser(t.dataSource, {
      firstName: 'Глеб',
      source: 'instagram',
      isTest: true,
      createdAt: at('2026-07-13T15:00:00Z'),
    });
    const gone = await aUser(t.dataSource, {
      telegramId: null,
      firstName: null,
      status: 'deleted',
      source: 'vk',
      createdAt: at('2024-03-01T03:00:00Z'),
    });
    // 1 March 00:00 in Vladivostok.
    const dina = await aUser(t.dataSource, {
      firstName: 'Дина',
      lastName: 'Смирнова-Ким',
      username: 'dina_100%',
      tags: ['опт', 'vip'],
      source: 'flyer',
      birthDate: '1995-01-02',
      notes: 'Любит мармелад; звонить после 18:00\nпо будням',
      createdAt: at('2026-02-28T14:00:00Z'),
      lastActivityAt: at('2026-06-01T03:00:00Z'),
    });
    Object.assign(ids, {
      anna: anna.id,
      boris: boris.id,
      vera: vera.id,
      gleb: gleb.id,
      gone: gone.id,
      dina: dina.id,
    });
    await aDiscount(t.dataSource, anna, {
      code: 'SUBANNA1',
      reason: 'subscription',
      expiresAt: at('2026-08-01T00:00:00Z'),
      createdAt: at('2026-07-11T00:00:00Z'),
    });
    const birthday = await aDiscount(t.dataSource, anna, {
      code: 'BDAYANNA',
      templateId: 2,
      reason: 'birthday',
      status: 'used',
      usedAt: at('2026-07-12T05:00:00Z'),
      createdAt: at('2026-07-01T00:00:00Z'),
    });
    await aClientRedemption(t.dataSource, birthday, { purchaseAmount: 150_000, discountAmount: 22_500 });
  });
  afterAll(() => t.close());

  describe('list', () => {
    it('shows active, non-test clients by default, newest first, as { items, total, page, limit }', async () => {
      const body = await list('');
      expect(names(body)).toEqual(['anna', 'dina', 'vera']);
      expect(body).toMatchObject({ total: 3, page: 1, limit: 20 });
      expect(body.items[0]).toMatchObject({
        id: ids.anna,
        telegramId: 111111111,
        firstName: 'Анна',
        tags: ['vip', 'сладкоежка'],
        birthDate: '1990-07-20',
        isSubscribed: true,
        status: 'active',
        isTest: false,
      });
    });

    it('searches names, username (with or without @) and a whole Telegram id', async () => {
      expect(await listed('q=смирн')).toEqual(['anna', 'dina']);
      expect(await listed('q=@anna_sweet')).toEqual(['anna']);
      expect(await listed('q=111111111')).toEqual(['anna']);
      expect(await listed('q=ИВАН')).toEqual([]); // blocked the bot
      expect(await listed('q=ИВАН&status=active,blocked')).toEqual(['boris']);
    });

    it('treats % and _ in the search as plain characters', async () => {
      expect(await listed('q=_')).toEqual(['anna', 'dina']);
      expect(await listed(`q=${encodeURIComponent('100%')}`)).toEqual(['dina']);
    });

    it('filters by tags: any (default) or all, in any case', async () => {
      expect(await listed('tags=VIP')).toEqual(['anna', 'dina']);
      expect(await listed('tags=VIP&status=active,blocked')).toEqual(['anna', 'boris', 'dina']);
      expect(await listed(`tags=${encodeURIComponent('сладкоежка,опт')}`)).toEqual(['anna', 'dina']);
      expect(await listed(`tags=vip,${encodeURIComponent('опт')}&tagsMatch=all`)).toEqual(['dina']);
    });

    it('filters by source, subscription and status', async () => {
      expect(await listed('source=instagram')).toEqual(['anna']);
      expect(await listed('source=vk,flyer&status=active,blocked')).toEqual(['boris', 'dina']);
      expect(await listed('subscribed=true')).toEqual(['anna', 'vera']);
      expect(await listed('subscribed=false')).toEqual(['dina']);
      expect(await listed('status=blocked')).toEqual(['boris']);
      expect(await listed('status=deleted')).toEqual(['gone']);
      expect(await listed('status=active,blocked,deleted')).toEqual([
        'anna',
        'boris',
        'dina',
        'gone',
        'vera',
      ]);
    });

    it('filters by birthday month', async () => {
      expect(await listed('birthMonth=7')).toEqual(['anna']);
      expect(await listed('birthMonth=2')).toEqual(['vera']);
    });

    it('filters by registration from / to, whole shop days, both ends included', async () => {
      expect(await listed('registeredFrom=2026-03-01&registeredTo=2026-03-01')).toEqual(['dina']);
      expect(await listed('registeredFrom=2026-03-01')).toEqual(['anna', 'dina']);
      expect(await listed('registeredTo=2026-02-28&status=active,blocked')).toEqual(['boris', 'vera']);
      expect(await listed(`registeredFrom=${encodeURIComponent('2026-02-28T14:00:00.001Z')}`)).toEqual([
        'anna',
      ]);
    });

    it('filters by last activity before / after a day (never-active clients have none)', async () => {
      expect(await listed('lastActivityBefore=2026-06-01&status=active,blocked')).toEqual(['boris']);
      expect(await listed('lastActivityAfter=2026-06-01')).toEqual(['anna']);
      expect(await listed('lastActivityAfter=2026-05-31')).toEqual(['anna', 'dina']);
    });

    it('filters by a usable code and by the test flag', async () => {
      expect(await listed('hasActiveDiscount=true')).toEqual(['anna']);
      expect(await listed('hasActiveDiscount=false')).toEqual(['dina', 'vera']);
      expect(await listed('isTest=true')).toEqual(['gleb']);
      expect(await listed('isTest=true&source=vk')).toEqual([]);
    });

    // The default filter (active, non-test) is the one the (status, is_test, <field>) indexes serve in order.
    it.each([
      ['id', ['anna', 'vera', 'dina']],
      ['-id', ['dina', 'vera', 'anna']],
      ['createdAt', ['vera', 'dina', 'anna']],
      ['-createdAt', ['anna', 'dina', 'vera']],
      ['lastActivityAt', ['vera', 'dina', 'anna']], // never active first
      ['-lastActivityAt', ['anna', 'dina', 'vera']],
      ['firstName', ['anna', 'vera', 'dina']],
      ['-firstName', ['dina', 'vera', 'anna']],
      ['username', ['vera', 'anna', 'dina']], // no username first
      ['-username', ['dina', 'anna', 'vera']],
      ['birthDate', ['anna', 'dina', 'vera']],
      ['-birthDate', ['vera', 'dina', 'anna']],
    ])('sorts the default list by %s', async (sort, expected) => {
      const body = await list(`sort=${sort}`);
      expect(names(body)).toEqual(expected);
      expect(body.total).toBe(3);
    });

    it('sorts by an allowed field either way, and pages', async () => {
      const everyone = 'status=active,blocked';
      expect(names(await list(`${everyone}&sort=firstName`))).toEqual(['anna', 'boris', 'vera', 'dina']);
      expect(names(await list(`${everyone}&sort=-lastActivityAt`))).toEqual([
        'anna',
        'dina',
        'boris',
        'vera',
      ]);
      expect(names(await list(`${everyone}&sort=id`))).toEqual(['anna', 'boris', 'vera', 'dina']);
      expect(names(await list(`${everyone}&sort=-id`))).toEqual(['dina', 'vera', 'boris', 'anna']);
      // Unknown fields fall back to the default order.
      expect(names(await list(`${everyone}&sort=password`))).toEqual(['anna', 'dina', 'boris', 'vera']);
      const second = await list(`${everyone}&limit=3&page=2`);
      expect(names(second)).toEqual(['vera']);
      expect(second).toMatchObject({ total: 4, page: 2, limit: 3 });
      expect(await list(`${everyone}&limit=3&page=3`)).toMatchObject({ items: [], total: 4 });
    });

    it.each([
      'limit=101',
      'page=0',
      'birthMonth=13',
      'registeredFrom=2026-02-30',
      'lastActivityAfter=yesterday',
      'tags=two%20words',
      'source=Instagram%21',
      'status=gone',
      'subscribed=maybe',
      'tagsMatch=some',
      'registeredFrom=2026-03-02&registeredTo=2026-03-01',
      'unknown=1',
    ])('refuses %s with VALIDATION_FAILED', async (query) => {
      const response = await request(t.url).get(`/api/v1/users?${query}`).set(reader.auth);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('card', () => {
    it('shows the client with codes and redemptions read from the discounts tables', async () => {
      const response = await request(t.url).get(`/api/v1/users/${ids.anna}`).set(reader.auth);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: ids.anna, firstName: 'Анна', invitedCount: 1 });
      expect(response.body.discounts).toEqual([
        expect.objectContaining({
          code: 'SUBANNA1',
          templateId: 1,
          templateName: 'Подарок за подписку',
          kind: 'percent',
          value: 10,
          status: 'active',
          reason: 'subscription',
          expiresAt: '2026-08-01T00:00:00.000Z',
          usedAt: null,
        }),
        expect.objectContaining({
          code: 'BDAYANNA',
          status: 'used',
          reason: 'birthday',
          usedAt: '2026-07-12T05:00:00.000Z',
        }),
      ]);
      expect(response.body.redemptions).toEqual([
        expect.objectContaining({
          code: 'BDAYANNA',
          channel: 'staff_bot',
          purchaseAmount: 150_000,
          discountAmount: 22_500,
        }),
      ]);
    });

    it('answers empty lists for a client without codes, and the anonymised row of a deleted one', async () => {
      const vera = await request(t.url).get(`/api/v1/users/${ids.vera}`).set(reader.auth);
      expect(vera.body).toMatchObject({
        discounts: [],
        redemptions: [],
        invitedCount: 0,
        referredByUserId: ids.anna,
      });
      const gone = await request(t.url).get(`/api/v1/users/${ids.gone}`).set(reader.auth);
      expect(gone.body).toMatchObject({ status: 'deleted', telegramId: null, firstName: null });
    });

    it('answers USER_NOT_FOUND for an unknown id and VALIDATION_FAILED for a non-number', async () => {
      const missing = await request(t.url).get('/api/v1/users/999999').set(reader.auth);
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('USER_NOT_FOUND');
      const word = await request(t.url).get('/api/v1/users/anna').set(reader.auth);
      expect(word.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('export.csv', () => {
    const download = (query = '') =>
      request(t.url).get(`/api/v1/users/export.csv?${query}`).set(reader.auth).buffer(true).parse(raw);

    it('is UTF-8 with a BOM, `;`-separated, CRLF, Russian header, Cyrillic intact, as an attachment', async () => {
      const response = await download();
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="users-2026-07-14.csv"');
      const bytes = response.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.endsWith('\r\n')).toBe(true);
      const lines = text.split('\r\n');
      expect(lines[0]).toBe(
        'Номер клиента;Telegram ID;Имя пользователя;Имя;Фамилия;Язык;Источник;Дата рождения;Подписан на канал;' +
          'Статус;Метки;Заметки;Реферальный код;Пригласил (ID);Тестовый;Последняя активность;Зарегистрирован',
      );
      // Default filters (active, non-test clients), in id order; times in shop time. Dina's notes hold a
      // line break inside quotes, so her row is still one CRLF-ended record.
      expect(lines.slice(1, -1).map((line) => Number(line.split(';')[0]))).toEqual([
        ids.anna,
        ids.vera,
        ids.dina,
      ]);
      expect(lines[1]).toContain(
        ';111111111;anna_sweet;Анна;Смирнова;;instagram;1990-07-20;да;активен;vip, сладкоежка;;',
      );
      expect(lines[1]).toMatch(/;нет;2026-07-13 13:00;2026-07-10 13:00$/);
      const blocked = (await download('status=blocked')).body as Buffer;
      expect(blocked.toString('utf8')).toContain(';Борис;Иванов;;vk;1985-12-31;нет;заблокировал бота;vip;');
      // A field holding `;` or a line break is quoted; the break inside stays as the client wrote it.
      expect(text).toContain('"Любит мармелад; звонить после 18:00\nпо будням"');
    });

    it('applies the list filters', async () => {
      const response = await download(`tags=vip&status=active`);
      const lines = (response.body as Buffer).subarray(3).toString('utf8').split('\r\n');
      expect(lines.filter((line) => /^\d+;/.test(line)).map((line) => Number(line.split(';')[0]))).toEqual([
        ids.anna,
        ids.dina,
      ]);
      const tests = await download('isTest=true');
      expect((tests.body as Buffer).toString('utf8')).toContain(';Глеб;');
      const bad = await request(t.url).get('/api/v1/users/export.csv?birthMonth=0').set(reader.auth);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      const paged = await request(t.url).get('/api/v1/users/export.csv?page=2').set(reader.auth);
      expect(paged.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('is audited as users.exported with the filters and the row count', async () => {
      await download('source=vk,flyer&q=Ким');
      // Earlier downloads were audited too: wait for this one's entry.
      const entry = await eventually(async () => {
        const newest = await t.dataSource
          .getRepository(AuditLog)
          .findOne({ where: { action: 'users.exported' }, order: { id: 'DESC' } });
        return newest && JSON.stringify(newest.changes).includes('[search]') ? newest : null;
      });
      if (!entry) throw new Error('not audited');
      expect(entry).toMatchObject({
        actorType: 'admin',
        actorId: String(reader.admin.id),
        entityType: 'user',
      });
      // The search text could be a client's name: only its presence is kept.
      expect(entry.changes).toEqual({
        filters: { source: ['vk', 'flyer'], q: '[search]' },
        rows: 1,
        completed: true,
      });
    });

    it('reads many clients in keyset pages: every row once, in id order', async () => {
      await manyUsers(t.dataSource, 2_345, (i) => ({ source: 'bulk_export', firstName: `Покупатель ${i}` }));
      const response = await download('source=bulk_export');
      const rows = (response.body as Buffer).subarray(3).toString('utf8').split('\r\n').slice(1, -1);
      expect(rows).toHaveLength(2_345);
      const exported = rows.map((line) => Number(line.split(';')[0]));
      const stored = await t.dataSource
        .getRepository(User)
        .find({ select: ['id'], where: { source: 'bulk_export' }, order: { id: 'ASC' } });
      expect(exported).toEqual(stored.map((user) => user.id));
      expect(rows[2_344]).toContain(';Покупатель 2344;');
    });

    it('answers INTERNAL_ERROR, never the driver’s words, when the database fails before the first row', async () => {
      const failure = new Error('ER_LOCK_WAIT_TIMEOUT: SELECT `u`.`id` FROM `users` `u` WHERE ...');
      const spy = jest.spyOn(SelectQueryBuilder.prototype, 'getRawMany').mockRejectedValueOnce(failure);
      try {
        const response = await request(t.url).get('/api/v1/users/export.csv').set(reader.auth);
        expect(response.status).toBe(500);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.headers['content-disposition']).toBeUndefined();
        expect(response.body.error.code).toBe('INTERNAL_ERROR');
        expect(response.text).not.toMatch(/SELECT|ER_LOCK/);
      } finally {
        spy.mockRestore();
      }
    });

    it('cuts the download when the database fails half-way, so a short file never looks complete', async () => {
      const real = SelectQueryBuilder.prototype.getRawMany;
      let calls = 0;
      const spy = jest.spyOn(SelectQueryBuilder.prototype, 'getRawMany').mockImplementation(function (
        this: SelectQueryBuilder<User>,
      ) {
        calls += 1;
        return calls === 2 ? Promise.reject(new Error('connection lost')) : real.call(this);
      });
      try {
        await expect(download('source=bulk_export')).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
      } finally {
        spy.mockRestore();
      }
    });
  });

  /*
   * Ties, missing values and every kind of code, on test clients: `isTest=true` is the default filter's
   * shape (one status, one is_test value: the same indexes) and leaves the fixtures above as they are.
   * Runs last: the clients and codes it adds would change the lists the blocks above assert.
   */
  describe('sort order and usable codes in detail (test clients)', () => {
    const testList = async (query: string) => names(await list(`isTest=true&${query}`));

    beforeAll(async () => {
      const client = (fields: Partial<User>) => aUser(t.dataSource, { isTest: true, ...fields });
      // Created in this order, after Gleb (test, active, no codes): ids rise gleb < olga < ... < yana < away.
      const olga = await client({
        firstName: 'Ольга',
        username: 'olga',
        birthDate: '1990-05-01',
        lastActivityAt: at('2026-07-01T00:00:00Z'),
        createdAt: at('2026-03-01T00:00:00Z'),
      });
      // The same first name as Asya in another case (unicode_ci: equal), the same registration time.
      const anya = await client({
        firstName: 'анна',
        username: 'Zed',
        createdAt: at('2026-05-01T00:00:00Z'),
      });
      const asya = await client({
        firstName: 'Анна',
        birthDate: '1990-05-01',
        lastActivityAt: at('2026-07-01T00:00:00Z'),
        createdAt: at('2026-05-01T00:00:00Z'),
      });
      const nameless = await client({
        firstName: null,
        username: 'boris_b',
        birthDate: '1999-12-31',
        lastActivityAt: at('2026-06-10T00:00:00Z'),
        createdAt: at('2026-01-10T00:00:00Z'),
      });
      const yana = await client({ firstName: 'Яна', username: 'ann', createdAt: at('2026-07-05T00:00:00Z') });
      const away = await client({
        firstName: 'Тимур',
        status: 'blocked',
        createdAt: at('2026-02-01T00:00:00Z'),
      });
      Object.assign(ids, {
        olga: olga.id,
        anya: anya.id,
        asya: asya.id,
        nameless: nameless.id,
        yana: yana.id,
        away: away.id,
      });

      const code = (user: User, fields: Partial<Discount>) => aDiscount(t.dataSource, user, fields);
      // Usable: active, not suspended, expiring after now or never.
      await code(olga, { expiresAt: at('2026-07-20T00:00:00Z') });
      await code(olga, { status: 'used', usedAt: at('2026-07-02T00:00:00Z') });
      await code(anya, { expiresAt: null });
      await code(away, { expiresAt: null });
      // Not usable: past expires_at an hour ago while the stored status still says active (the hourly job
      // has not caught up), used, expired, revoked, suspended, and expiring exactly now.
      await code(asya, { expiresAt: at('2026-07-14T01:00:00Z') });
      await code(nameless, { status: 'used', usedAt: at('2026-06-01T00:00:00Z') });
      await code(nameless, { status: 'expired', expiresAt: at('2026-06-01T00:00:00Z') });
      await code(nameless, { status: 'revoked', expiresAt: at('2026-08-01T00:00:00Z') });
      await code(yana, { expiresAt: at('2026-08-01T00:00:00Z'), suspendedAt: at('2026-07-10T00:00:00Z') });
      await code(yana, { expiresAt: NOW });
    });

    it.each([
      ['id', ['gleb', 'olga', 'anya', 'asya', 'nameless', 'yana']],
      ['createdAt', ['nameless', 'olga', 'anya', 'asya', 'yana', 'gleb']],
      ['lastActivityAt', ['gleb', 'anya', 'yana', 'nameless', 'olga', 'asya']],
      ['firstName', ['nameless', 'anya', 'asya', 'gleb', 'olga', 'yana']],
      ['username', ['gleb', 'asya', 'yana', 'nameless', 'olga', 'anya']],
      ['birthDate', ['gleb', 'anya', 'yana', 'olga', 'asya', 'nameless']],
    ])(
      'sorts by %s: missing values first, ties by id, and exactly the reverse descending',
      async (sort, order) => {
        expect(await testList(`sort=${sort}`)).toEqual(order);
        expect(await testList(`sort=-${sort}`)).toEqual([...order].reverse());
      },
    );

    it('pages through ties without losing or repeating a client', async () => {
      const pages = await Promise.all(
        [1, 2, 3, 4].map((page) => list(`isTest=true&sort=firstName&limit=2&page=${page}`)),
      );
      expect(pages.map(names)).toEqual([['nameless', 'anya'], ['asya', 'gleb'], ['olga', 'yana'], []]);
      expect(pages.map((page) => page.total)).toEqual([6, 6, 6, 6]);
    });

    it('counts only a code usable now: active, not suspended, not past expires_at', async () => {
      expect(await testList('hasActiveDiscount=true')).toEqual(['anya', 'olga']);
      expect(await testList('hasActiveDiscount=true&sort=-firstName')).toEqual(['olga', 'anya']);
      expect((await list('isTest=true&hasActiveDiscount=true')).total).toBe(2);
      expect(await testList('hasActiveDiscount=false&sort=firstName')).toEqual([
        'nameless',
        'asya',
        'gleb',
        'yana',
      ]);
      expect((await list('isTest=true&hasActiveDiscount=false')).total).toBe(4);
      expect(await testList('hasActiveDiscount=true&status=active,blocked&sort=id')).toEqual([
        'olga',
        'anya',
        'away',
      ]);
    });

    it('reads expires_at against the clock: before Asya’s code ran out it was usable', async () => {
      t.clock.set(at('2026-07-14T00:30:00Z'));
      try {
        expect(await testList('hasActiveDiscount=true&sort=id')).toEqual(['olga', 'anya', 'asya', 'yana']);
      } finally {
        t.clock.set(NOW);
      }
    });
  });
});
