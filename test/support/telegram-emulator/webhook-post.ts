import http from 'node:http';
import https from 'node:https';

export interface WebhookAnswer {
  status: number;
  contentType?: string;
  body: Buffer;
}

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/** POSTs an update to a webhook the way Telegram does and collects the answer. */
export function postUpdate(
  url: string,
  update: unknown,
  secretToken?: string,
  timeoutMs = 30_000,
): Promise<WebhookAnswer> {
  const payload = Buffer.from(JSON.stringify(update));
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const headers: http.OutgoingHttpHeaders = {
    'content-type': 'application/json',
    'content-length': payload.length,
  };
  if (secretToken !== undefined) headers[SECRET_HEADER] = secretToken;
  return new Promise((resolve, reject) => {
    const request = transport.request(target, { method: 'POST', headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'],
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('timeout', () => request.destroy(new Error(`Read timeout expired after ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(payload);
  });
}
