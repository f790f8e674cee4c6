import { timeFormatter } from './shop-time';
import { ExportedClient, safeCell, USER_CSV_HEADER, userCsvRows } from './user-csv';

const client: ExportedClient = {
  id: 7,
  telegramId: 123456789,
  username: 'marmelad_fan',
  firstName: 'Анна',
  lastName: '=HYPERLINK("http://x")',
  languageCode: 'ru',
  source: 'instagram',
  birthDate: '1995-03-07',
  isSubscribed: true,
  status: 'blocked',
  tags: ['vip', 'сладкоежка'],
  notes: 'Любит мармелад; звонить после 18:00',
  referralCode: 'ab3def7h',
  referredByUserId: null,
  isTest: false,
  lastActivityAt: new Date('2026-07-13T20:30:00Z'),
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

describe('users.csv rows', () => {
  it('match the header, with shop-time dates and Russian yes/no and statuses', () => {
    const row = userCsvRows('Asia/Vladivostok')(client);
    expect(row).toHaveLength(USER_CSV_HEADER.length);
    expect(row).toEqual([
      '7',
      '123456789',
      'marmelad_fan',
      'Анна',
      `'=HYPERLINK("http://x")`,
      'ru',
      'instagram',
      '1995-03-07',
      'да',
      'заблокировал бота',
      'vip, сладкоежка',
      'Любит мармелад; звонить после 18:00',
      'ab3def7h',
      '',
      'нет',
      '2026-07-14 06:30',
      '2026-01-01 10:00',
    ]);
  });

  it('leave empty cells for what a deleted client no longer has', () => {
    const row = userCsvRows('UTC')({
      ...client,
      telegramId: null,
      username: null,
      firstName: null,
      lastName: null,
      birthDate: null,
      lastActivityAt: null,
      status: 'deleted',
    });
    expect(row.slice(1, 5)).toEqual(['', '', '', '']);
    expect(row[9]).toBe('удалён');
    expect(row[15]).toBe('');
  });

  it('defuse cells Excel would run as formulas', () => {
    for (const text of ['=1+1', '+7 999', '-5', '@SUM(A1)', '\tx']) expect(safeCell(text)).toBe(`'${text}`);
    expect(safeCell('Анна')).toBe('Анна');
    expect(safeCell(null)).toBe('');
  });

  it('defuse the source too: a /start payload such as -a1-b1 must not reach Excel as a formula', () => {
    const row = userCsvRows('Asia/Vladivostok')({ ...client, source: '-a1-b1' });
    expect(row[USER_CSV_HEADER.indexOf('Источник')]).toBe("'-a1-b1");
  });

  it('format times in any zone, across daylight saving changes', () => {
    expect(timeFormatter('Asia/Vladivostok')(new Date('2026-12-31T14:30:00Z'))).toBe('2027-01-01 00:30');
    const berlin = timeFormatter('Europe/Berlin');
    expect(berlin(new Date('2026-03-29T00:59:00Z'))).toBe('2026-03-29 01:59');
    expect(berlin(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29 03:00');
    expect(timeFormatter('UTC')(new Date('2026-07-14T00:00:00Z'))).toBe('2026-07-14 00:00');
  });
});
