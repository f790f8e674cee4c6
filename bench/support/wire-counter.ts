/**
 * A counting TCP proxy for the POS bench: put it between a server process and MariaDB or Redis and it counts
 * what the process sends, on the wire, so the figures are the process's own (the shared servers' global
 * counters also move with every other user of the machine).
 *
 * MariaDB: one round trip per command packet (a packet with sequence id 0: COM_QUERY, COM_STMT_EXECUTE,
 * COM_PING ...), a multi-statement COM_QUERY counting once. Each is labelled by its first keyword and table
 * (`SELECT discounts`, `INSERT audit_logs`, `multi(4)`).
 * Redis: one command per RESP array; an EVALSHA is labelled with its first key (prefix stripped), so the POS
 * limit's script and BullMQ's are told apart. Pipelined commands count one each.
 */
import { createConnection, createServer, Server, Socket } from 'node:net';

export type Protocol = 'mysql' | 'redis';

export class WireCounter {
  /** Round trips (MariaDB) or commands (Redis) by label since the last reset. */
  readonly counts = new Map<string, number>();
  /** The first text seen under each label (values included), to check a floor against the app by eye. */
  readonly examples = new Map<string, string>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly protocol: Protocol,
  ) {}

  static async start(target: string, protocol: Protocol): Promise<WireCounter> {
    const url = new URL(target);
    const host = url.hostname;
    const port = Number(url.port || (protocol === 'mysql' ? 3306 : 6379));
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const counter = new WireCounter(server, (server.address() as { port: number }).port, protocol);
    server.on('connection', (client) => counter.accept(client, host, port));
    return counter;
  }

  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string {
    const parsed = new URL(url);
    parsed.host = `127.0.0.1:${this.port}`;
    return parsed.toString();
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private count({ label, text }: Sent): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
    if (!this.examples.has(label)) this.examples.set(label, text.slice(0, 600));
  }

  private accept(client: Socket, host: string, port: number): void {
    const upstream = createConnection({ host, port });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    const parse = this.protocol === 'mysql' ? mysqlCommands() : redisCommands();
    client.on('data', (chunk: Buffer) => {
      for (const sent of parse(chunk)) this.count(sent);
      upstream.write(chunk);
    });
    upstream.pipe(client);
  }
}

/** Splits a client's byte stream into MariaDB packets and labels the command packets (sequence id 0). */
interface Sent {
  label: string;
  text: string;
}

function mysqlCommands(): (chunk: Buffer) => Sent[] {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    const labels: Sent[] = [];
    while (pending.length >= 4) {
      const length = pending.readUIntLE(0, 3);
      if (pending.length < 4 + length) break;
      const sequence = pending[3];
      const payload = pending.subarray(4, 4 + length);
      if (sequence === 0 && payload.length > 0) labels.push(mysqlLabel(payload));
      pending = pending.subarray(4 + length);
    }
    return labels;
  };
}

const MYSQL_COMMANDS: Record<number, string> = {
  0x01: 'QUIT',
  0x02: 'INIT_DB',
  0x0e: 'PING',
  0x16: 'STMT_PREPARE',
  0x17: 'STMT_EXECUTE',
  0x19: 'STMT_CLOSE',
  0x1f: 'RESET_CONNECTION',
};

function mysqlLabel(payload: Buffer): Sent {
  if (payload[0] !== 0x03) {
    const label = MYSQL_COMMANDS[payload[0]] ?? `COM_${payload[0]}`;
    return { label, text: label };
  }
  const text = payload.subarray(1).toString('utf8');
  return { label: sqlLabel(text), text };
}

/** `SELECT discounts`, `START TRANSACTION`, `multi(4)`: what a statement is, without its values. */
export function sqlLabel(sql: string): string {
  const text = sql.replace(/'(?:[^'\\]|\\.)*'/g, "''").trim();
  const statements = text.split(';').filter((s) => s.trim().length > 0);
  if (statements.length > 1) return `multi(${statements.length}): ${statements.map(oneLabel).join(' + ')}`;
  return oneLabel(text);
}

function oneLabel(statement: string): string {
  const words = statement.trim().split(/\s+/);
  const verb = words[0].toUpperCase();
  if (verb === 'START' || verb === 'SET') return words.slice(0, 2).join(' ').toUpperCase();
  const table = /\b(?:FROM|INTO|UPDATE)\s+`?(\w+)`?/i.exec(statement)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/** Splits a client's RESP stream into commands and labels each by name (EVALSHA by its first key). */
function redisCommands(): (chunk: Buffer) => Sent[] {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    const labels: Sent[] = [];
    for (;;) {
      const parsed = oneRespCommand(pending);
      if (!parsed) break;
      labels.push({ label: redisLabel(parsed.args), text: parsed.args.join(' ') });
      pending = pending.subarray(parsed.used);
    }
    return labels;
  };
}

function oneRespCommand(buffer: Buffer): { args: string[]; used: number } | null {
  const lineEnd = (from: number) => buffer.indexOf('\r\n', from);
  let end = lineEnd(0);
  if (end < 0) return null;
  if (buffer[0] !== 0x2a /* '*' */) {
    return { args: buffer.subarray(0, end).toString().split(/\s+/), used: end + 2 };
  }
  const count = Number(buffer.subarray(1, end).toString());
  let at = end + 2;
  const args: string[] = [];
  for (let i = 0; i < count; i++) {
    end = lineEnd(at);
    if (end < 0) return null;
    const length = Number(buffer.subarray(at + 1, end).toString());
    const start = end + 2;
    if (buffer.length < start + length + 2) return null;
    // Only the first few arguments matter for the label.
    if (i < 4) args.push(buffer.subarray(start, start + Math.min(length, 200)).toString());
    at = start + length + 2;
  }
  return { args, used: at };
}

function redisLabel(args: string[]): string {
  const name = (args[0] ?? '').toUpperCase();
  if ((name === 'EVALSHA' || name === 'EVAL') && Number(args[2]) > 0) {
    // `<prefix>:limit:pos:requests:0` → `limit:pos:requests`; `bull:notifications:…` → `bull:notifications`.
    const key = args[3].split(':');
    const tail = key[0] === 'bull' ? key.slice(0, 2) : key.slice(1, 4);
    return `${name} ${tail.join(':')}`;
  }
  return name;
}
