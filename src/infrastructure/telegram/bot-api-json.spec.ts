import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { BotApiJson } from './bot-api-json';

/** A local server answering each path with a fixed status and body. */
function serve(answers: Record<string, [number, string]>): Promise<Server> {
  const server = createServer((req, res) => {
    const [status, body] = answers[req.url?.split('/').pop() ?? ''] ?? [404, '{"ok":false,"error_code":404}'];
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('BotApiJson', () => {
  let server: Server;
  let api: BotApiJson;
  beforeAll(async () => {
    server = await serve({
      sendMessage: [200, '{"ok":true,"result":{"message_id":7}}'],
      tooMany: [
        429,
        '{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":3}}',
      ],
      blocked: [403, '{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}'],
      gateway: [502, '<html>Bad Gateway</html>'],
      garbled: [200, '{"ok":tr'],
    });
    api = new BotApiJson(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, '123:secret');
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const errorOf = (method: string) =>
    api.call(method, { chat_id: 1 }).then(
      () => null,
      (error: unknown) => error as { response?: unknown; code?: string },
    );

  it("answers the call's result", async () => {
    expect(await api.call('sendMessage', { chat_id: 1, text: 'Привет' })).toEqual({ message_id: 7 });
  });

  it("throws Telegram's answer in telegraf's shape (what the one failure policy reads)", async () => {
    expect((await errorOf('tooMany'))?.response).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests',
      parameters: { retry_after: 3 },
    });
    expect((await errorOf('blocked'))?.response).toMatchObject({ error_code: 403 });
    // A 5xx without a JSON body: its HTTP status, as telegraf does (a retry).
    expect((await errorOf('gateway'))?.response).toMatchObject({ error_code: 502 });
    // Taken but unreadable: a transport code, so the policy says `unknown` and a broadcast never resends it.
    expect(await errorOf('garbled')).toMatchObject({ code: 'BAD_ANSWER' });
  });
});
