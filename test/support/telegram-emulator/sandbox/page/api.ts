import type {
  SandboxCast,
  SandboxChat,
  SandboxPressResult,
  SandboxSendResult,
  SandboxUser,
} from '../sandbox-types';

/** The emulator's sandbox API, from the page (same origin). */
const BASE = '/_emulator/sandbox';

async function asJson<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

function post<T>(path: string, body: unknown): Promise<T> {
  return fetch(`${BASE}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => asJson<T>(r));
}

export const sandboxApi = {
  cast: (): Promise<SandboxCast> => fetch(`${BASE}/cast`).then((r) => asJson<SandboxCast>(r)),
  /** Answers at once with the chat when `since` is behind, else when something changes (or ~20 s pass). */
  chat: (bot: number, user: number, since: number): Promise<SandboxChat> =>
    fetch(`${BASE}/chat?bot=${bot}&user=${user}&since=${since}`).then((r) => asJson<SandboxChat>(r)),
  send: (bot: number, user: SandboxUser, text: string): Promise<SandboxSendResult> =>
    post('send', { bot, user, text }),
  press: (bot: number, user: SandboxUser, messageId: number, data: string): Promise<SandboxPressResult> =>
    post('press', { bot, user, messageId, data }),
  membership: (bot: number, user: SandboxUser, member: boolean): Promise<SandboxSendResult> =>
    post('membership', { bot, user, member }),
  block: (bot: number, user: SandboxUser, blocked: boolean): Promise<SandboxSendResult> =>
    post('block', { bot, user, blocked }),
};
