import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { DatabaseModule } from '../database/database.module';
import { ReadinessMetrics } from './readiness-metrics';
import { RedisHealthIndicator } from './redis.health';
import { SchemaHealthIndicator } from './schema.health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), DatabaseModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, SchemaHealthIndicator, ReadinessMetrics],
})
export class HealthModule {}
