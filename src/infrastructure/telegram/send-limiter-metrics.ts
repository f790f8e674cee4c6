import { Injectable, OnModuleInit } from '@nestjs/common';
import { Metrics } from '../metrics/metrics';
import { ClientBotSendLimiter } from './client-bot-send-limiter';

/**
 * The shared send limiter's state at scrape time (it lives in Redis, so every process reports the same):
 * booked ahead at its 1 s horizon means broadcasts and notices queue for the rate; a pause means a 429.
 */
@Injectable()
export class SendLimiterMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly limiter: ClientBotSendLimiter,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      const { bookedMs, pausedMs } = await this.limiter.state();
      this.metrics.sendLimiterBacklog.set(bookedMs / 1000);
      this.metrics.sendLimiterPause.set(pausedMs / 1000);
    });
  }
}
