import { INestApplication, ModuleMetadata, Type } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app/app.module';
import { configureApp } from '../../src/app/configure-app';
import { Clock } from '../../src/common/clock/clock';
import { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { registerTestApp } from './contract/served-apps';
import { freePort } from './free-port';
import { resetState } from './reset-state';
import { testEnv } from './test-env';
import { trackEventHandlers } from './events-settled';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../../src/infrastructure/queues/jobs';
import { OutboxDispatcher } from '../../src/infrastructure/outbox/outbox-dispatcher';

export interface TestApp {
  app: INestApplication;
  /** http://127.0.0.1:PORT of the running app. */
  url: string;
  config: AppConfig;
  clock: Clock;
  dataSource: DataSource;
  redis: Redis;
  commands: CommandBus;
  queries: QueryBus;
  /**
   * Resolves once no event handler is running (see trackEventHandlers) and, where this app dispatches the
   * outbox (`worker` role), no outbox delivery is due: the end of a fact's side effects.
   */
  eventsSettled(): Promise<void>;
  /**
   * The end of everything an update or a request set going: no event handler running and, where this app
   * runs workers, no job waiting or active in any queue (delayed jobs are the future: not waited for).
   */
  settled(): Promise<void>;
  get<T>(type: Type<T> | string | symbol): T;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string | undefined>;
  /** Reset the database and Redis before starting (default true; a second app in one file passes false). */
  reset?: boolean;
  /** Extra modules, controllers or providers a test needs (e.g. a probe controller). */
  extra?: Pick<ModuleMetadata, 'imports' | 'controllers' | 'providers'>;
  /**
   * Serve the bots by webhook, as in production: PUBLIC_URL is the app's own address (its port is chosen
   * before start-up), so the bots register `<url>/telegram/<bot>` with the Bot API at TELEGRAM_API_ROOT
   * (point it at the emulator) and receive updates on their real routes.
   */
  webhooks?: boolean;
}

/** Builds and starts the real application (real MariaDB, Redis, migrations) on a random port. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const port = options.webhooks ? await freePort() : 0;
  const publicUrl = options.webhooks ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {};
  const config = loadConfig(testEnv({ ...options.env, ...publicUrl }));
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config), ...(options.extra?.imports ?? [])],
    controllers: options.extra?.controllers ?? [],
    providers: options.extra?.providers ?? [],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: false });
  configureApp(app);
  const dataSource = app.get(DataSource);
  const redis = app.get(Redis);
  if (options.reset !== false) await resetState(dataSource, redis, config.redisPrefix);
  const handlersSettled = trackEventHandlers(app);
  const dispatcher = config.roles.has('worker') ? app.get(OutboxDispatcher, { strict: false }) : null;
  const eventsSettled = async () => {
    // A consumer may publish events, and an event handler may record facts: until both are quiet.
    do await handlersSettled();
    while (dispatcher && (await dispatcher.drain()) > 0);
  };
  await app.listen(port, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  registerTestApp(url, config.roles.has('api'));
  return {
    app,
    url,
    config,
    clock: app.get(Clock),
    dataSource,
    redis,
    commands: app.get(CommandBus),
    queries: app.get(QueryBus),
    eventsSettled,
    settled: async () => {
      await eventsSettled();
      if (!config.roles.has('worker')) return;
      await queuesIdle(app);
      await eventsSettled();
    },
    get: <T>(type: Type<T> | string | symbol) => app.get<T>(type as Type<T>, { strict: false }),
    close: () => app.close(),
  };
}

/** Polls `check` until it returns a truthy value (or throws its last error after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 5000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = new Error('condition never became true');
  while (Date.now() < deadline) {
    try {
      const result = await check();
      if (result) return result;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw lastError;
}

/** Waits until no queue has a job waiting or active (a worker of this app picks them up). */
async function queuesIdle(app: INestApplication): Promise<void> {
  for (const name of Object.values(QueueName)) {
    const queue = app.get<Queue>(getQueueToken(name), { strict: false });
    await eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    }, 15_000);
  }
}
