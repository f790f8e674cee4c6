/*
 * Counts the SQL statements and Redis commands the application's processes send, from the servers' side,
 * while other programs use the same servers:
 * - MariaDB: the application connects as a MariaDB user of its own; information_schema.USER_STATISTICS
 *   (userstat=1, switched on here when off and left on: another bench may be counting too) counts that user's SELECT, UPDATE
 *   and other commands (INSERT, BEGIN, COMMIT, SET ... count as "other").
 * - Redis: the application uses a logical database of its own; a MONITOR connection counts the commands
 *   clients send on it (the commands a Lua script runs inside Redis are not round trips and are left out).
 */
import Redis from 'ioredis';
import { Connection, createConnection, RowDataPacket } from 'mysql2/promise';

export interface RoundTrips {
  sql: number;
  redis: number;
}

export class RoundTripCounter {
  private redisCommands = 0;
  private monitor: Redis | null = null;
  private monitored: Redis | null = null;

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
    counter.monitored = new Redis(redisUrl);
    const monitor = await counter.monitored.monitor();
    monitor.on('monitor', (_time: string, _args: string[], source: string, database: string) => {
      if (Number(database) === counter.redisDb && source !== 'lua') counter.redisCommands++;
    });
    counter.monitor = monitor;
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
    this.monitor?.disconnect();
    this.monitored?.disconnect();
    await this.admin.end().catch(() => undefined);
  }
}

export const minus = (a: RoundTrips, b: RoundTrips): RoundTrips => ({
  sql: a.sql - b.sql,
  redis: a.redis - b.redis,
});
