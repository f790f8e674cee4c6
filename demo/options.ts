import { parseArgs } from 'node:util';

/** How `npm run demo` runs: which database, ports and servers, and whether to start over. */
export interface DemoOptions {
  fresh: boolean;
  /** The demo's own database (and Redis prefix); never the shop's. */
  database: string;
  port: number;
  emulatorPort: number;
  /** mysql://user:password@host:port of the server, without a database. */
  mysqlServer: string;
  redisUrl: string;
}

type Env = Record<string, string | undefined>;

export const DEMO_USAGE =
  'Usage: npm run demo [-- --fresh] [--database dvorik_demo] [--port 3000] [--emulator-port 8081]\n' +
  '       (or DEMO_DATABASE, DEMO_PORT, DEMO_EMULATOR_PORT; the MySQL server and Redis come from DATABASE_URL and REDIS_URL)';

/**
 * Reads the flags and the environment (.env already loaded). The MySQL server is DATABASE_URL's without its
 * database, the ports default to PORT and EMULATOR_PORT. Throws a one-line reason for a bad value. Pure.
 */
export function demoOptions(argv: string[], env: Env): DemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      fresh: { type: 'boolean', default: false },
      database: { type: 'string' },
      port: { type: 'string' },
      'emulator-port': { type: 'string' },
    },
  });
  const database = values.database ?? env.DEMO_DATABASE ?? 'dvorik_demo';
  if (!/^[A-Za-z0-9_]{1,32}$/.test(database))
    throw new Error(`The demo database name must be 1..32 of A-Z a-z 0-9 _ (got "${database}")`);
  const server = new URL(env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/dvorik');
  if (server.protocol !== 'mysql:') throw new Error('DATABASE_URL must start with mysql://');
  server.pathname = '';
  server.search = '';
  return {
    fresh: values.fresh ?? false,
    database,
    port: port(values.port ?? env.DEMO_PORT ?? env.PORT ?? '3000', 'port'),
    emulatorPort: port(
      values['emulator-port'] ?? env.DEMO_EMULATOR_PORT ?? env.EMULATOR_PORT ?? '8081',
      'emulator port',
    ),
    mysqlServer: server.toString().replace(/\/$/, ''),
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379/0',
  };
}

function port(raw: string, name: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`The ${name} must be an integer between 1 and 65535 (got "${raw}")`);
  return value;
}
