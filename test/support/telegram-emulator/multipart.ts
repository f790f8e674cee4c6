/** One part of a multipart/form-data body: a text field, or a file when it has a filename. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data; boundary=...` content type, if it is one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * Splits a multipart/form-data body into its parts. Enough for what HTTP clients such as telegraf
 * send; throws on a body that does not follow the format.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let cursor = body.indexOf(delimiter);
  if (cursor === -1) throw new Error('multipart body has no boundary');
  for (;;) {
    cursor += delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString() === '--') return parts;
    if (body.subarray(cursor, cursor + 2).equals(CRLF)) cursor += 2;
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), cursor);
    if (next === -1) throw new Error('multipart body is not terminated');
    parts.push(parsePart(body.subarray(cursor, next)));
    cursor = next + CRLF.length;
  }
}

function parsePart(raw: Buffer): MultipartPart {
  const headerEnd = raw.indexOf(HEADER_END);
  const headerText = headerEnd === -1 ? '' : raw.subarray(0, headerEnd).toString('utf8');
  const data = headerEnd === -1 ? raw : raw.subarray(headerEnd + HEADER_END.length);
  const headers = new Map<string, string>();
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  const name = dispositionParam(disposition, 'name');
  if (name === undefined) throw new Error('multipart part has no name');
  return {
    name,
    filename: dispositionParam(disposition, 'filename'),
    contentType: headers.get('content-type'),
    data: Buffer.from(data),
  };
}

function dispositionParam(disposition: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}="([^"]*)"`, 'i').exec(disposition);
  return match?.[1];
}
