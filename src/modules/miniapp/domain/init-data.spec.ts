import { initDataHash, verifyInitData } from './init-data';

const TOKEN = '123456:client-token';
const NOW = new Date('2026-12-06T02:00:00Z');
const NOW_S = NOW.getTime() / 1000;

function signed(fields: [string, string][], token = TOKEN): string {
  return new URLSearchParams([...fields, ['hash', initDataHash(fields, token)]]).toString();
}
const user = JSON.stringify({ id: 42, first_name: 'Аня', username: 'anya' });

describe('verifyInitData', () => {
  it('accepts initData signed with the bot token and tells who opened the app', () => {
    const raw = signed([
      ['auth_date', String(NOW_S - 10)],
      ['query_id', 'q'],
      ['user', user],
    ]);
    expect(verifyInitData(raw, TOKEN, NOW, 3600)).toEqual({
      ok: true,
      data: {
        authDate: NOW_S - 10,
        user: { id: 42, firstName: 'Аня', lastName: null, username: 'anya', languageCode: null },
      },
    });
  });

  it('reads the same fields in any order', () => {
    const raw = signed([
      ['user', user],
      ['auth_date', String(NOW_S)],
    ]);
    expect(verifyInitData(raw, TOKEN, NOW, 3600).ok).toBe(true);
  });

  it('refuses a changed field, another bot, a missing or doubled hash', () => {
    const raw = signed([
      ['auth_date', String(NOW_S)],
      ['user', user],
    ]);
    const tampered = raw.replace('%22id%22%3A42', '%22id%22%3A43');
    expect(tampered).not.toEqual(raw);
    expect(verifyInitData(tampered, TOKEN, NOW, 3600)).toEqual({ ok: false, problem: 'signature' });
    expect(verifyInitData(raw, '654321:staff-token', NOW, 3600)).toEqual({ ok: false, problem: 'signature' });
    expect(verifyInitData(raw.replace(/&hash=.*$/, ''), TOKEN, NOW, 3600)).toEqual({
      ok: false,
      problem: 'malformed',
    });
    expect(verifyInitData(`${raw}&hash=${'0'.repeat(64)}`, TOKEN, NOW, 3600)).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });

  it('refuses nothing at all, garbage and signed data without a user or date', () => {
    expect(verifyInitData(undefined, TOKEN, NOW, 3600)).toEqual({ ok: false, problem: 'missing' });
    expect(verifyInitData('', TOKEN, NOW, 3600)).toEqual({ ok: false, problem: 'missing' });
    expect(verifyInitData('%%%&&&==', TOKEN, NOW, 3600)).toEqual({ ok: false, problem: 'malformed' });
    expect(verifyInitData(signed([['auth_date', String(NOW_S)]]), TOKEN, NOW, 3600).ok).toBe(false);
    expect(verifyInitData(signed([['user', user]]), TOKEN, NOW, 3600).ok).toBe(false);
    const noId = signed([
      ['auth_date', String(NOW_S)],
      ['user', '{"first_name":"x"}'],
    ]);
    expect(verifyInitData(noId, TOKEN, NOW, 3600)).toEqual({ ok: false, problem: 'malformed' });
    const notJson = signed([
      ['auth_date', String(NOW_S)],
      ['user', '{'],
    ]);
    expect(verifyInitData(notJson, TOKEN, NOW, 3600)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('refuses initData older than the maximum age, or from the future beyond clock drift', () => {
    const at = (s: number) =>
      signed([
        ['auth_date', String(s)],
        ['user', user],
      ]);
    expect(verifyInitData(at(NOW_S - 3600), TOKEN, NOW, 3600).ok).toBe(true);
    expect(verifyInitData(at(NOW_S - 3601), TOKEN, NOW, 3600)).toEqual({ ok: false, problem: 'stale' });
    expect(verifyInitData(at(NOW_S + 30), TOKEN, NOW, 3600).ok).toBe(true);
    expect(verifyInitData(at(NOW_S + 600), TOKEN, NOW, 3600)).toEqual({ ok: false, problem: 'stale' });
  });
});
