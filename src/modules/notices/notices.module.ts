import { Module } from '@nestjs/common';
import { SendClientNoticeHandler } from './commands/send-client-notice.command';
import { TellOwnersHandler } from './commands/tell-owners.command';
import { AskOwnersToDecideConsumer } from './events/ask-owners-to-decide.consumer';
import { ClientNoticesConsumer } from './events/client-notices.consumer';
import { TellCashierOfDecisionConsumer } from './events/tell-cashier-of-decision.consumer';
import { TellOwnersOfPauseHandler } from './events/tell-owners-of-pause.handler';
import { NotifyClientJob } from './jobs/notify-client.job';
import { NoticeFactsReader } from './persistence/notice-facts';
import { OwnerMessages } from './sending/owner-messages';

/**
 * Every message the bots send on their own (not a reply to the person writing): a new code or a redemption
 * announced to its client (queued; each send takes a slot of the client bot's send limiter,
 * infrastructure/telegram, shared with broadcasts),
 * owners' alerts and the cashier applications with their decision buttons, the cashier told of a decision.
 * One Telegram failure policy (domain/telegram-failure.ts) serves these and the broadcasts.
 */
@Module({
  providers: [
    OwnerMessages,
    NoticeFactsReader,
    ClientNoticesConsumer,
    SendClientNoticeHandler,
    TellOwnersHandler,
    NotifyClientJob,
    TellOwnersOfPauseHandler,
    AskOwnersToDecideConsumer,
    TellCashierOfDecisionConsumer,
  ],
})
export class NoticesModule {}
