import { initDataHash } from '../../src/modules/miniapp/domain/init-data';

export interface InitDataUser {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/**
 * initData as Telegram gives a Mini App opened by `user`, signed with `botToken` at `authDate` (seconds;
 * default now): the string a test sends in `Authorization: tma <initData>`.
 */
export function signInitData(
  botToken: string,
  user: InitDataUser,
  options: { authDate?: number; extra?: Record<string, string> } = {},
): string {
  const fields: [string, string][] = [
    ['auth_date', String(options.authDate ?? Math.floor(Date.now() / 1000))],
    ['query_id', 'AAHdF6IQAAAAAN0XohDhrOrc'],
    ['user', JSON.stringify({ first_name: 'Тест', language_code: 'ru', ...user })],
    ...Object.entries(options.extra ?? {}),
  ];
  fields.push(['hash', initDataHash(fields, botToken)]);
  return new URLSearchParams(fields).toString();
}

/** The header a Mini App sends its initData in. */
export const tma = (initData: string) => ({ Authorization: `tma ${initData}` });
