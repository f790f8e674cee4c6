import type * as mysql2 from 'mysql2';

/**
 * Switches every new connection of a mysql2 pool to UTC before its first query (TypeORM's pool and the
 * statement batches' pool alike). `timezone: 'Z'` only converts JS Dates; CURRENT_TIMESTAMP(3) defaults,
 * ON UPDATE and NOW() follow the session time zone, which is the server's unless set. Stored times must be
 * UTC (SPEC 2), whatever the server's zone is. mysql2 runs a connection's commands in order, so the SET
 * precedes any other query; a connection that cannot set it is dropped.
 */
export function utcSessions<P extends mysql2.Pool>(pool: P): P {
  pool.on('connection', (connection) => {
    connection.query("SET time_zone = '+00:00'", (error) => {
      if (error) connection.destroy();
    });
  });
  return pool;
}
