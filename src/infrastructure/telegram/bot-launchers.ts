import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Metrics } from '../metrics/metrics';
import { BotLauncher } from './bot-launcher';

/** Connects both bots once the app is up, and disconnects them before the database and Redis close. */
@Injectable()
export class BotLaunchers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly launchers: BotLauncher[];

  constructor(
    @InjectBot('client') client: Telegraf,
    @InjectBot('staff') staff: Telegraf,
    @Inject(APP_CONFIG) config: AppConfig,
    metrics: Metrics,
  ) {
    this.launchers = [
      new BotLauncher(client, 'client', config, metrics),
      new BotLauncher(staff, 'staff', config, metrics),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.launchers.map((launcher) => launcher.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.launchers.map((launcher) => launcher.stop()));
  }
}
