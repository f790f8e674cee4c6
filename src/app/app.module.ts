import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import { CommonModule } from '../common/common.module';
import { BotsModule } from '../bots/bots.module';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../infrastructure/database/database.module';
import { HealthModule } from '../infrastructure/health/health.module';
import { LoggingModule } from '../infrastructure/logging/logging.module';
import { MetricsModule } from '../infrastructure/metrics/metrics.module';
import { FailedJobsModule } from '../infrastructure/queues/failed-jobs/failed-jobs.module';
import { QueuesModule } from '../infrastructure/queues/queues.module';
import { OutboxModule } from '../infrastructure/outbox/outbox.module';
import { RedisModule } from '../infrastructure/redis/redis.module';
import { TelegramModule } from '../infrastructure/telegram/telegram.module';
import { AuditModule } from '../modules/audit/audit.module';
import { AuthModule } from '../modules/auth/auth.module';
import { BroadcastsModule } from '../modules/broadcasts/broadcasts.module';
import { AdminsModule } from '../modules/staff/admins.module';
import { CashiersModule } from '../modules/staff/cashiers.module';
import { CodesModule } from '../modules/codes/codes.module';
import { GiftsModule } from '../modules/gifts/gifts.module';
import { NoticesModule } from '../modules/notices/notices.module';
import { MessageTemplatesModule } from '../modules/message-templates/message-templates.module';
import { OwnerAlertsModule } from '../modules/owner-alerts/owner-alerts.module';
import { MiniAppModule } from '../modules/miniapp/mini-app.module';
import { SettingsModule } from '../modules/settings/settings.module';
import { SegmentsModule } from '../modules/segments/segments.module';
import { StatsModule } from '../modules/stats/stats.module';
import { UsersModule } from '../modules/users/users.module';

/**
 * The whole application; APP_ROLES decides which adapters are switched on. Every role serves /health and
 * /metrics; `api` adds the admin and POS controllers, `bots` the Telegram bots, `worker` the job
 * processors, `scheduler` the cron ticks that enqueue jobs.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const has = (role: string) => config.roles.has(role as never);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        CommonModule,
        CqrsModule.forRoot(),
        DatabaseModule,
        RedisModule,
        TelegramModule,
        QueuesModule.forRoot({ worker: has('worker') }),
        FailedJobsModule,
        OutboxModule.forRoot({ worker: has('worker') }),
        ...(has('scheduler') ? [ScheduleModule.forRoot()] : []),
        HealthModule,
        MetricsModule,
        SettingsModule,
        AuditModule,
        AuthModule,
        AdminsModule,
        MessageTemplatesModule,
        CodesModule,
        GiftsModule,
        NoticesModule,
        CashiersModule,
        SegmentsModule,
        UsersModule,
        BroadcastsModule,
        StatsModule,
        OwnerAlertsModule,
        MiniAppModule,
        ...(has('bots') ? [BotsModule] : []),
      ],
    };
  }
}
