import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Context } from 'telegraf';
import type { Convenience } from 'telegraf/types';
import { MessageKey, MessageValues } from '../../modules/message-templates/domain/message-catalog';
import { RenderMessageQuery } from '../../modules/message-templates/queries/render-message.query';
import { clientKeyboard } from './client-menu';

type ReplyExtra = Omit<Convenience.ExtraReplyMessage, 'parse_mode'>;

/**
 * How the client bot talks: the shop's message templates (rendered with escaped values) and its own texts,
 * always as Telegram HTML. `withMenu` attaches the reply keyboard (welcome, help, fallback).
 */
@Injectable()
export class ClientReplies {
  private readonly logger = new Logger(ClientReplies.name);

  constructor(private readonly queries: QueryBus) {}

  render<K extends MessageKey>(key: K, values: MessageValues<K>): Promise<string> {
    return this.queries.execute(new RenderMessageQuery(key, values));
  }

  async template<K extends MessageKey>(
    ctx: Context,
    key: K,
    values: MessageValues<K>,
    extra: ReplyExtra = {},
  ): Promise<void> {
    await this.text(ctx, await this.render(key, values), extra);
  }

  async withMenu<K extends MessageKey>(ctx: Context, key: K, values: MessageValues<K>): Promise<void> {
    await this.template(ctx, key, values, clientKeyboard());
  }

  async text(ctx: Context, html: string, extra: ReplyExtra = {}): Promise<void> {
    await ctx.reply(html, { ...extra, parse_mode: 'HTML' });
  }

  /**
   * Answers a button press (stops the spinner), with a popup text if given. Never throws: a query that is
   * too old to answer must not stop what the press asked for.
   */
  async acknowledge(ctx: Context, popup?: string): Promise<void> {
    if (!ctx.callbackQuery) return;
    try {
      await ctx.answerCbQuery(popup);
    } catch (error) {
      this.logger.debug({ err: error }, 'Could not answer a callback query');
    }
  }

  /** Takes the inline buttons off the pressed message, so it cannot be pressed again; best effort. */
  async dropButtons(ctx: Context): Promise<void> {
    try {
      await ctx.editMessageReplyMarkup(undefined);
    } catch (error) {
      this.logger.debug({ err: error }, 'Could not take the buttons off a message');
    }
  }
}
