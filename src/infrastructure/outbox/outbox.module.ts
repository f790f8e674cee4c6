import { DynamicModule, Global, Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Clock } from '../../common/clock/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Metrics } from '../metrics/metrics';
import { Outbox } from './outbox';
import { OutboxConsumers } from './outbox-consumers';
import { OutboxController } from './outbox.controller';
import { OutboxDeliveries } from './outbox-deliveries';
import { OutboxDispatcher } from './outbox-dispatcher';
import { UnrecordedFacts } from './unrecorded-facts';

/**
 * Fills the outbox gauges before each scrape, in the `api` role only (like the broadcasts' progress): the
 * backlog is the database's, one series of it is enough.
 */
@Injectable()
class OutboxMetrics implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
    private readonly deliveries: OutboxDeliveries,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (!this.config.roles.has('api')) return;
    this.metrics.onScrape(async () => {
      const { pending, failed, oldestPendingAt } = await this.deliveries.backlog();
      this.metrics.outboxDeliveries.set({ status: 'pending' }, pending);
      this.metrics.outboxDeliveries.set({ status: 'failed' }, failed);
      const age = oldestPendingAt ? (this.clock.now().getTime() - oldestPendingAt.getTime()) / 1000 : 0;
      this.metrics.outboxOldestPendingAge.set(Math.max(0, age));
    });
  }
}

/**
 * The transactional outbox (docs/OUTBOX.md): the writer (`Outbox.record`) and the consumer registry in
 * every role, the dispatcher where `worker` is a role, the failed deliveries' routes with the API.
 */
@Global()
@Module({})
export class OutboxModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: OutboxModule,
      imports: [DiscoveryModule],
      controllers: [OutboxController],
      providers: [
        Outbox,
        OutboxConsumers,
        OutboxDeliveries,
        OutboxMetrics,
        UnrecordedFacts,
        ...(options.worker ? [OutboxDispatcher] : []),
      ],
      exports: [Outbox, OutboxDeliveries],
    };
  }
}
