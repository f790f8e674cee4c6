import { Injectable, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Metrics } from '../metrics/metrics';

const TIMEOUT_MS = 1000;

/** Resolves true when `check` succeeds within a second, false otherwise (never rejects). */
async function answers(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), TIMEOUT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([check().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** `dvorik_dependency_up{dependency}` at scrape time: what /health/ready checks, as a series to alert on. */
@Injectable()
export class ReadinessMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      const [database, redis] = await Promise.all([
        answers(() => this.dataSource.query('SELECT 1')),
        answers(() => this.redis.ping()),
      ]);
      this.metrics.dependencyUp.set({ dependency: 'database' }, database ? 1 : 0);
      this.metrics.dependencyUp.set({ dependency: 'redis' }, redis ? 1 : 0);
    });
  }
}
