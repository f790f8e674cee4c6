import { Agent } from 'node:http';
import type { Telegram } from 'telegraf';
import { KEEP_ALIVE } from './bot-api-json';

/**
 * Keeps the Bot API connections of a sender open between calls when the API root is plain http (a local
 * Bot API server, the emulator). telegraf keeps https connections alive with an agent of its own, but
 * drops any agent for an http:// root, and node-fetch without an agent asks for `Connection: close`: a
 * broadcast at 1000 messages a second then opened and closed 1000 TCP connections a second.
 */
export function keepBotApiConnections<T extends Telegram>(telegram: T): T {
  if (telegram.options.apiRoot.startsWith('http://')) telegram.options.agent = new Agent(KEEP_ALIVE);
  return telegram;
}
