import type { Type } from '@nestjs/common';
import Redis from 'ioredis';
import type { TelegrafModuleAsyncOptions, TelegrafModuleOptions } from 'nestjs-telegraf';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Metrics } from '../metrics/metrics';
import { RedisKeys } from '../redis/redis-keys';
import { BotName } from './bot-name';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { FailedUpdates } from './failed-updates';
import { reliableUpdates } from './reliable-updates.middleware';
import { updateContext } from './update-context.middleware';
import { UpdateLedger } from './update-ledger';

/** A handler slower than this is abandoned with an error reply, well inside Telegram's webhook patience. */
const HANDLER_TIMEOUT_MS = 30_000;

/**
 * nestjs-telegraf options for one bot: its token and API root, only `handlers` (a module of @Update classes)
 * registered on it, the once-and-never-lost and request-context middlewares first, and no launch of its own:
 * BotLauncher decides between webhook and polling.
 */
export function botModuleOptions(bot: BotName, handlers: Type): TelegrafModuleAsyncOptions {
  return {
    botName: bot,
    inject: [APP_CONFIG, Redis, RedisKeys, Metrics, DataSource, Clock],
    useFactory: (
      config: AppConfig,
      redis: Redis,
      keys: RedisKeys,
      metrics: Metrics,
      dataSource: DataSource,
      clock: Clock,
    ): TelegrafModuleOptions => ({
      token: bot === 'client' ? config.clientBotToken : config.staffBotToken,
      options: { telegram: { apiRoot: config.telegramApiRoot }, handlerTimeout: HANDLER_TIMEOUT_MS },
      launchOptions: false,
      // Never empty: nestjs-telegraf registers the handlers of every module when `include` is empty.
      include: [handlers],
      middlewares: [
        reliableUpdates(bot, new UpdateLedger(redis, keys), new FailedUpdates(dataSource), metrics, () =>
          clock.now(),
        ),
        updateContext(bot),
      ],
    }),
  };
}
