import { Telegram } from 'telegraf';
import { BotApiJson } from './bot-api-json';

/**
 * The staff bot's Bot API client, for sending from any role (an api or worker process tells a cashier about
 * a decision). The full typed Bot API of telegraf's `Telegram`; no updates are received through it.
 */
export class StaffTelegram extends Telegram {}

/** The client bot's Bot API client, for notifications and broadcasts from any role. */
export class ClientTelegram extends Telegram {}

/** The client bot's JSON-only Bot API calls on node's http client: the bulk sends of broadcasts. */
export class ClientBotApiJson extends BotApiJson {}
