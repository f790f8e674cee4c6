import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { freePort } from '../support/free-port';

const ROOT = join(__dirname, '../..');
const SERVER = process.env.TEST_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** Resolves with everything printed up to the line that matches, or rejects when the process ends first. */
function printed(child: ChildProcess, until: RegExp, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.text += chunk.toString('utf8');
      if (until.test(output.text)) resolve(output.text);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString('utf8')));
    child.once('exit', (code) =>
      reject(new Error(`npm run demo exited (${code}) before it was ready:\n${output.text}`)),
    );
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm run demo` as a person runs it: a process, its printed addresses, Ctrl-C. */
describe('npm run demo', () => {
  const database = `dvorik_demo_test_${process.pid}`;
  let child: ChildProcess | undefined;

  afterAll(async () => {
    if (child?.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    const connection = await createConnection(SERVER);
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.end();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${database}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('starts a demo shop on a private database and ports, answers at the printed addresses, and Ctrl-C stops all of it', async () => {
    const [port, emulatorPort] = [await freePort(), await freePort()];
    // Its own process group, so the SIGINT below reaches npm, the launcher and the app as Ctrl-C in a terminal does.
    child = spawn(
      'npm',
      [
        'run',
        'demo',
        '--',
        '--fresh',
        '--database',
        database,
        '--port',
        String(port),
        '--emulator-port',
        String(emulatorPort),
      ],
      {
        cwd: ROOT,
        detached: true,
        env: { ...process.env, DATABASE_URL: `${SERVER}/unused`, REDIS_URL: REDIS_URL },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output = { text: '' };
    const banner = await printed(child, /Ctrl-C stops everything/, output);

    const password = /Password:\s+(\S+)/.exec(banner)?.[1];
    const urls = banner.match(/http:\/\/localhost:\d+\/\S*/g) ?? [];
    expect(urls).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^http://localhost:${port}/(docs|admin)$`)),
        `http://localhost:${emulatorPort}/sandbox/`,
      ]),
    );
    for (const url of urls) expect((await fetch(url)).status).toBe(200);
    const login = await fetch(`http://localhost:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const kpi = await fetch(`http://localhost:${port}/api/v1/stats/kpi`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const figures = (await kpi.json()) as { users: { total: number } };
    expect(figures.users.total).toBeGreaterThan(200);

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    process.kill(-(child.pid as number), 'SIGINT');
    await exited;
    // npm may leave before its script: wait for the whole group to be gone, then nothing may listen.
    while (groupAlive(child.pid as number)) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await listening(port)).toBe(false);
    expect(await listening(emulatorPort)).toBe(false);
    expect(output.text).toContain('Demo: stopped.');
  }, 180_000);
});
