import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DeliveredFact } from '../../../infrastructure/outbox/fact';
import { ConsumesFacts, OutboxConsumer } from '../../../infrastructure/outbox/outbox-consumer';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { ClientTelegram, StaffTelegram } from '../../../infrastructure/telegram/telegram-senders';
import {
  CashierApprovedEvent,
  CashierDecisionEvent,
  CashierRevokedEvent,
} from '../../staff/events/cashier.events';
import { ListCashiersQuery } from '../../staff/queries/list-cashiers.query';

/** The menu button's label in each bot. */
export const MENU_BUTTON_TEXTS = { card: 'Моя карта', scanner: 'Сканер' } as const;

/** Approved cashiers are read this many at a time at start-up. */
const PAGE = 100;

/**
 * The bots' menu buttons (setChatMenuButton), when the Mini Apps have an https address (config.miniAppUrl):
 * the client bot's default button opens the card; in the staff bot only an approved cashier's chat gets the
 * scanner (everyone else keeps the list of commands). A Telegram failure is logged and never stops anything.
 */
@Injectable()
export class MiniAppMenuButtons {
  private readonly logger = new Logger(MiniAppMenuButtons.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly client: ClientTelegram,
    private readonly staff: StaffTelegram,
    private readonly queries: QueryBus,
  ) {}

  /** The client bot's default menu button, and every approved cashier's scanner button. */
  async setAll(): Promise<void> {
    const base = this.config.miniAppUrl;
    if (!base) return;
    await this.attempt('client bot', () =>
      this.client.setChatMenuButton({
        menuButton: { type: 'web_app', text: MENU_BUTTON_TEXTS.card, web_app: { url: `${base}/card.html` } },
      }),
    );
    for (let page = 1; ; page++) {
      const cashiers = await this.queries.execute(new ListCashiersQuery({ status: 'approved' }, page, PAGE));
      for (const cashier of cashiers.items) await this.forCashier(cashier.telegramId, true);
      if (page * PAGE >= cashiers.total) break;
    }
  }

  /** The scanner in an approved cashier's chat; Telegram's default back for a revoked one. */
  async forCashier(telegramId: number, approved: boolean): Promise<void> {
    const base = this.config.miniAppUrl;
    if (!base) return;
    await this.attempt(`cashier ${telegramId}`, () =>
      this.staff.setChatMenuButton({
        chatId: telegramId,
        menuButton: approved
          ? { type: 'web_app', text: MENU_BUTTON_TEXTS.scanner, web_app: { url: `${base}/scanner.html` } }
          : { type: 'default' },
      }),
    );
  }

  private async attempt(whose: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.logger.warn({ err: error, whose }, 'Could not set a Mini App menu button');
    }
  }
}

/** The `bots` role sets the menu buttons at start-up (several replicas set the same buttons: harmless). */
@Injectable()
export class SetMenuButtonsAtStartUp implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly buttons: MiniAppMenuButtons,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: Telegram being slow must not hold up start-up.
    if (this.config.roles.has('bots')) void this.buttons.setAll();
  }
}

/**
 * An approved cashier gets the scanner in the staff bot's menu; a revoked one loses it. An outbox consumer
 * (setting a button twice is harmless).
 */
@Injectable()
@OutboxConsumer('miniapp.cashier-menu-button', CashierApprovedEvent, CashierRevokedEvent)
export class FollowCashierMenuButtonConsumer implements ConsumesFacts<CashierDecisionEvent> {
  constructor(private readonly buttons: MiniAppMenuButtons) {}

  async handle({ fact: { cashier } }: DeliveredFact<CashierDecisionEvent>): Promise<void> {
    await this.buttons.forCashier(cashier.telegramId, cashier.status === 'approved');
  }
}
