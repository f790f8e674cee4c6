import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { Metrics } from '../../../infrastructure/metrics/metrics';
import { DiscountIssuedEvent, DiscountRedeemedEvent } from './discount.events';

/** Counts codes issued and redeemed for /metrics (dvorik_codes_issued_total, dvorik_redemptions_total). */
@EventsHandler(DiscountIssuedEvent, DiscountRedeemedEvent)
export class DiscountMetricsHandler implements IEventHandler<DiscountIssuedEvent | DiscountRedeemedEvent> {
  constructor(private readonly metrics: Metrics) {}

  handle(event: DiscountIssuedEvent | DiscountRedeemedEvent): void {
    if (event instanceof DiscountIssuedEvent) {
      if (!event.issued.isTest) this.metrics.codesIssued.inc({ reason: event.issued.reason });
      return;
    }
    if (!event.redeemed.isTest) {
      this.metrics.redemptions.inc({ channel: event.redeemed.channel, reason: event.redeemed.reason });
    }
  }
}
