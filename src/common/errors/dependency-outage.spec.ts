import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { isDependencyOutage } from './dependency-outage';

const withProps = (message: string, props: Record<string, unknown>) =>
  Object.assign(new Error(message), props);

describe('telling an outage of MariaDB or Redis from a bug', () => {
  it('sees a refused, lost or closed connection, wrapped or not', () => {
    const outages = [
      withProps('connect ECONNREFUSED 127.0.0.1:3306', { code: 'ECONNREFUSED' }),
      withProps('Connection lost: The server closed the connection.', {
        code: 'PROTOCOL_CONNECTION_LOST',
        fatal: true,
      }),
      // TypeORM's QueryFailedError keeps mysql2's error as driverError.
      withProps('Query failed', { driverError: withProps('read ECONNRESET', { code: 'ECONNRESET' }) }),
      new Error('Connection is closed.'),
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      new Error('Command timed out'),
      withProps('Reached the max retries per request limit (which is 1).', {
        name: 'MaxRetriesPerRequestError',
      }),
      new Error("Can't add new command when connection is in closed state"),
      new Error('outer', { cause: withProps('inner', { code: 'ETIMEDOUT' }) }),
      new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Redis is down'),
    ];
    for (const error of outages)
      expect({ error, outage: isDependencyOutage(error) }).toEqual({ error, outage: true });
  });

  it('does not take a bug, a refusal or a SQL error for one', () => {
    const others = [
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new DomainError(ErrorCode.CODE_ALREADY_USED, 'used'),
      withProps("Duplicate entry '1' for key 'PRIMARY'", { code: 'ER_DUP_ENTRY', errno: 1062 }),
      withProps('You have an error in your SQL syntax', { code: 'ER_PARSE_ERROR', errno: 1064 }),
      null,
      'a string',
    ];
    for (const error of others)
      expect({ error, outage: isDependencyOutage(error) }).toEqual({ error, outage: false });
  });
});
