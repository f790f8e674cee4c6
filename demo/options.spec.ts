import { demoOptions } from './options';

describe('npm run demo options', () => {
  it('runs on dvorik_demo with the ports of .env and the server of DATABASE_URL, never its database', () => {
    const options = demoOptions([], {
      DATABASE_URL: 'mysql://shop:p%40ss@db.local:3307/dvorik?ssl=true',
      PORT: '3100',
      EMULATOR_PORT: '8917',
    });
    expect(options).toEqual({
      fresh: false,
      database: 'dvorik_demo',
      port: 3100,
      emulatorPort: 8917,
      mysqlServer: 'mysql://shop:p%40ss@db.local:3307',
      redisUrl: 'redis://127.0.0.1:6379/0',
    });
  });

  it('takes a private database and ports from flags before DEMO_* variables', () => {
    const env = { DEMO_DATABASE: 'from_env', DEMO_PORT: '4000' };
    expect(
      demoOptions(['--fresh', '--database', 'dvorik_demo_t1', '--emulator-port', '9100'], env),
    ).toMatchObject({
      fresh: true,
      database: 'dvorik_demo_t1',
      port: 4000,
      emulatorPort: 9100,
      mysqlServer: 'mysql://root@127.0.0.1:3306',
    });
  });

  it('refuses a database name that is not a plain identifier, and a bad port', () => {
    expect(() => demoOptions(['--database', 'x;DROP'], {})).toThrow('1..32 of A-Z');
    expect(() => demoOptions(['--port', '70000'], {})).toThrow('between 1 and 65535');
  });
});
