import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * Kept-alive connections. `timeout` matters beyond its value: only with one does node's agent honour the
 * server's `Keep-Alive: timeout=N` and drop an idle connection a second before the server would. Without
 * it a send could go out on a connection the server was closing: ECONNRESET, an `unknown` recipient.
 */
export const KEEP_ALIVE = { keepAlive: true, keepAliveMsecs: 10_000, timeout: 60_000 };

/** Telegram's answer to a failed call, as telegraf's TelegramError carries it (`failureOf` reads it). */
export class BotApiError extends Error {
  constructor(
    readonly response: {
      error_code: number;
      description?: string;
      parameters?: { retry_after?: number };
    },
  ) {
    super(`${response.error_code}: ${response.description ?? ''}`);
    this.name = 'BotApiError';
  }
}

/**
 * Bot API calls with a JSON body, straight on node's http client over kept-alive connections: the bulk
 * sends of a broadcast, where telegraf's client (node-fetch, its form and media handling) was half of a
 * worker's CPU. Answers the call's `result`; throws a BotApiError when Telegram answered a failure (a 5xx
 * without a JSON body becomes its HTTP status, as telegraf does), or the transport error as node raised it
 * (its `code`: ECONNREFUSED, ECONNRESET, ABORT_ERR on a timeout). Uploads go through telegraf.
 */
export class BotApiJson {
  private readonly base: URL;
  private readonly send: typeof httpRequest;
  private readonly agent: HttpAgent;

  constructor(apiRoot: string, token: string) {
    this.base = new URL(`./bot${token}/`, apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`);
    const https = this.base.protocol === 'https:';
    this.send = https ? httpsRequest : httpRequest;
    this.agent = https ? new HttpsAgent(KEEP_ALIVE) : new HttpAgent(KEEP_ALIVE);
  }

  call<T>(method: string, payload: object, signal?: AbortSignal): Promise<T> {
    const body = JSON.stringify(payload);
    return new Promise<T>((resolve, reject) => {
      const req = this.send(
        new URL(method, this.base),
        {
          method: 'POST',
          agent: this.agent,
          signal,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            let answer: { ok?: boolean; result?: T; error_code?: number; description?: string } | null;
            try {
              answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof answer;
            } catch {
              answer = null;
            }
            if (answer?.ok) resolve(answer.result as T);
            else if (!answer && status >= 200 && status < 300)
              // Telegram took the call but its answer is unreadable: the message may be out (not a retry).
              reject(Object.assign(new Error('Unreadable Bot API answer'), { code: 'BAD_ANSWER' }));
            else if (answer && typeof answer.error_code === 'number')
              reject(new BotApiError(answer as BotApiError['response']));
            else reject(new BotApiError({ error_code: status, description: res.statusMessage }));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}
