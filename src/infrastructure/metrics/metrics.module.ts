import { Global, Module } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics';

/** Prometheus metrics at /metrics; the HTTP timing middleware is mounted for every route in configureApp. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: Metrics, useFactory: () => new Metrics() }, HttpMetricsMiddleware],
  exports: [Metrics, HttpMetricsMiddleware],
})
export class MetricsModule {}
