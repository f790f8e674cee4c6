/**
 * The processes of the POS bench: the built app (`node dist/src/main.js`, as `npm run start` runs it), the
 * two floor servers and the load client, each a child process; the CPU a process has used, read from
 * /proc/<pid>/stat.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { LoadJob, LoadResult } from './pos-load';

const ROOT = join(__dirname, '..', '..');
/** ts-node without type checking, for the bench's own TypeScript children (the floors, the load client). */
const TS = ['-r', 'ts-node/register/transpile-only'];

export interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

/** A free port of 127.0.0.1 (bound and released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The built app (`main`: this checkout's dist/src/main.js, or another build's) with `env`, on a free port;
 * resolves once GET /health answers. Its logs go to /dev/null.
 */
export async function startApp(
  env: Record<string, string>,
  nodeArgs: string[] = [],
  main = join(ROOT, 'dist/src/main.js'),
): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: join(main, '..', '..', '..'),
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(child, async () => (await fetch(`${url}/health`)).ok);
  return { name: 'app', url, child };
}

/** A floor server (bench/support/pos-floor.ts) in `mode`, on a free port. */
export async function startFloor(
  mode: 'app-sql' | 'minimal-sql',
  env: Record<string, string>,
): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...TS, join(__dirname, 'pos-floor.ts'), mode], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(child, async () => (await fetch(`${url}/ready`)).ok);
  return { name: mode, url, child };
}

async function waitFor(child: ChildProcess, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`a bench server exited with ${child.exitCode}`);
    try {
      if (await ready()) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('a bench server did not start within 60 s');
}

/** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
export async function stop(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Runs the load client (bench/support/pos-load.ts) as its own process and returns what it measured. */
export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const child = spawn(process.execPath, [...TS, join(__dirname, 'pos-load.ts'), JSON.stringify(job)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load client exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop() as string) as LoadResult;
}

const TICK_MS = 1000 / 100; // USER_HZ, 100 on Linux

/** CPU milliseconds (user + system) a process has used so far. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
