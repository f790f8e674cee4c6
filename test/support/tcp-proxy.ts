import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a server (MariaDB, Redis), for fault tests: `cut()` drops every
 * connection through it and refuses new ones at once (as a stopped server would, without stopping the
 * shared one), `restore()` lets connections through again. Point the app at `host:port` instead.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private cutSince: number | null = null;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    server.on('connection', (client) => proxy.accept(client, target));
    return proxy;
  }

  /** The target's URL with its host and port replaced by the proxy's: `mysql://root@127.0.0.1:PORT/db`. */
  rewrite(url: string): string {
    const parsed = new URL(url);
    parsed.host = `127.0.0.1:${this.port}`;
    return parsed.toString();
  }

  get isCut(): boolean {
    return this.cutSince !== null;
  }

  /** Milliseconds since the cut began (0 when not cut). */
  get cutFor(): number {
    return this.cutSince === null ? 0 : Date.now() - this.cutSince;
  }

  cut(): void {
    this.cutSince = Date.now();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.cutSince = null;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (this.isCut) {
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }
}
