/*
 * Counts the SQL statements and Redis commands the application's processes send, from the servers' side,
 * while other programs use the same servers:
 * - MariaDB: the application connects as a MariaDB user of its own; information_schema.USER_STATISTICS
 *   (userstat=1, switched on here when off and left on: another bench may be counting too) counts that user's SELECT, UPDATE
 *   and other commands (INSERT, BEGIN, COMMIT, SET ... count as "other").
 * - Redis: the application uses a logical database of its own; a MONITOR connection counts the commands
 *   clients send on it (the commands a Lua script runs inside Redis are not round trips and are left out).
 */
import { connect, Socket } from 'node:net';
import { Connection, createConnection, RowDataPacket } from 'mysql2/promise';

export interface RoundTrips {
  sql: number;
  redis: number;
}

export class RoundTripCounter {
  private redisCommands = 0;
  private monitor: Socket | null = null;

  private constructor(
    private readonly admin: Connection,
    private readonly user: string,
    private readonly redisDb: number,
  ) {}

  /** `serverUrl`: a MariaDB URL with rights to read USER_STATISTICS and set userstat. */
  static async start(serverUrl: string, user: string, redisUrl: string, redisDb: number) {
    const counter = new RoundTripCounter(await createConnection(serverUrl), user, redisDb);
    const [rows] = await counter.admin.query<RowDataPacket[]>("SHOW GLOBAL VARIABLES LIKE 'userstat'");
    if (!/^(ON|1)$/i.test(String(rows[0]?.Value))) await counter.admin.query('SET GLOBAL userstat = 1');
    counter.monitor = await monitor(redisUrl, (db, source) => {
      if (db === counter.redisDb && source !== 'lua') counter.redisCommands++;
    });
    return counter;
  }

  /** Totals so far; subtract two readings for a window. */
  async read(): Promise<RoundTrips> {
    const [rows] = await this.admin.query<RowDataPacket[]>(
      'SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS AS n FROM information_schema.USER_STATISTICS WHERE USER = ?',
      [this.user],
    );
    return { sql: Number(rows[0]?.n ?? 0), redis: this.redisCommands };
  }

  async stop(): Promise<void> {
    this.monitor?.destroy();
    await this.admin.end().catch(() => undefined);
  }
}

export const minus = (a: RoundTrips, b: RoundTrips): RoundTrips => ({
  sql: a.sql - b.sql,
  redis: a.redis - b.redis,
});

/**
 * MONITOR on a plain socket (ioredis's monitor mode trips over a busy shared server): each line
 * `+<time> [<db> <client address>|lua] "<command>" ...` calls `seen(db, source)`.
 */
function monitor(redisUrl: string, seen: (db: number, source: string) => void): Promise<Socket> {
  const { hostname, port } = new URL(redisUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port || 6379), hostname, () => {
      socket.write('MONITOR\r\n');
      resolve(socket);
    });
    socket.once('error', reject);
    let rest = '';
    socket.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('latin1')).split('\r\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const match = / \[(\d+) ([^\]]+)\] /.exec(line);
        if (match) seen(Number(match[1]), match[2]);
      }
    });
  });
}
