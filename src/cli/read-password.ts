import { askHidden } from './ask-hidden';

/** The password from a pipe: its first line, without the line break. Pure. */
export function pipedPassword(input: string): string {
  return input.split(/\r?\n/, 1)[0] ?? '';
}

/**
 * The new admin's password: ADMIN_PASSWORD, else asked twice on a terminal, else the first line of what is
 * piped in (`echo "$PASSWORD" | npm run admin:create -- ...`). Throws a one-line reason when there is none.
 */
export async function readPassword(env: Record<string, string | undefined> = process.env): Promise<string> {
  if (env.ADMIN_PASSWORD !== undefined && env.ADMIN_PASSWORD !== '') return env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) {
    const first = await askHidden('Password: ');
    const second = await askHidden('Password again: ');
    if (first !== second) throw new Error('The passwords differ.');
    return first;
  }
  const password = pipedPassword(await readAll(process.stdin));
  if (password === '') {
    throw new Error(
      'No password: set ADMIN_PASSWORD, pipe it in (echo "$PASSWORD" | npm run admin:create -- ...), or run it in a terminal to be asked.',
    );
  }
  return password;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
