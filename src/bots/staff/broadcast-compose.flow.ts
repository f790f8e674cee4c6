import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DateTime } from 'luxon';
import { Context, Markup } from 'telegraf';
import type { Message } from 'telegraf/types';
import { Actor } from '../../common/audit/audit-entry';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { errorTextRu } from '../../common/errors/error-texts.ru';
import { ConversationStore } from '../../infrastructure/telegram/conversation-store';
import { AdoptStaffMediaCommand } from '../../modules/broadcasts/commands/adopt-staff-media.command';
import { CreateBroadcastCommand } from '../../modules/broadcasts/commands/broadcast-drafts.commands';
import { ScheduleBroadcastCommand } from '../../modules/broadcasts/commands/schedule-broadcast.command';
import { SendTestBroadcastCommand } from '../../modules/broadcasts/commands/send-test-broadcast.command';
import {
  checkBroadcastContent,
  ContentType,
  visibleText,
} from '../../modules/broadcasts/domain/broadcast-content';
import { entitiesToHtml } from '../../modules/broadcasts/domain/entities-html';
import { chatDateTime } from '../../modules/broadcasts/domain/schedule-time';
import {
  BroadcastAudiencesQuery,
  CountBroadcastAudienceQuery,
} from '../../modules/broadcasts/queries/broadcast-audiences.query';
import { GetSettingQuery } from '../../modules/settings/queries/get-setting.query';
import { StaffMember } from '../../modules/staff/queries/get-staff-member.query';
import { COMPOSE_TEXTS } from './broadcast-compose.texts';

/** What the admin sent: a text, or a photo / video (the staff bot's file_id) with an optional caption. */
interface Content {
  contentType: ContentType;
  /** Telegram HTML made from the message's own formatting. */
  text: string | null;
  staffFileId: string | null;
}

/** Where a compose dialog stands (ConversationStore, 10 minutes). */
export type ComposeState =
  | { step: 'broadcast_content' }
  | { step: 'broadcast_audience'; content: Content }
  | { step: 'broadcast_confirm'; broadcastId: number }
  | { step: 'broadcast_time'; broadcastId: number };

/** Callback data of the dialog's buttons: `bc:aud:all`, `bc:aud:<segment>`, `bc:now`, `bc:time`, `bc:stop`. */
export const COMPOSE_BUTTON = /^bc:/;

const MAY_COMPOSE = ['owner', 'marketing'];

/**
 * `/broadcast` in the staff bot (owners and marketers with a linked Telegram): the content (a text, or a
 * photo / video with a caption; formatting kept), the audience from buttons, the recipient count and a
 * preview sent by the client bot, then «Отправить сейчас», a time, or «Отмена». Creates the same draft
 * the API would (audited as the admin), then schedules or sends it. Readonly admins and cashiers are
 * refused; the role is checked again at every step.
 */
@Injectable()
export class BroadcastComposeFlow {
  private readonly logger = new Logger(BroadcastComposeFlow.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly conversations: ConversationStore,
  ) {}

  isComposing(conversation: { step?: string } | null): conversation is ComposeState {
    return typeof conversation?.step === 'string' && conversation.step.startsWith('broadcast_');
  }

  async start(ctx: Context, member: StaffMember): Promise<void> {
    if (!ctx.chat || !(await this.allowed(ctx, member))) return;
    await this.conversations.set<ComposeState>('staff', ctx.chat.id, { step: 'broadcast_content' });
    await ctx.reply(COMPOSE_TEXTS.askContent);
  }

  /** A message while composing: the content, or the time; anything else gets a hint. */
  async message(ctx: Context, member: StaffMember, state: ComposeState): Promise<void> {
    if (!ctx.chat || !(await this.allowed(ctx, member))) return;
    if (state.step === 'broadcast_content') return this.takeContent(ctx, ctx.chat.id);
    if (state.step === 'broadcast_time') return this.takeTime(ctx, member, state.broadcastId);
    await ctx.reply(COMPOSE_TEXTS.useButtons);
  }

  async press(ctx: Context, member: StaffMember, data: string): Promise<void> {
    if (!ctx.chat) return;
    if (!member.admin || !MAY_COMPOSE.includes(member.admin.role)) {
      await ctx.answerCbQuery(COMPOSE_TEXTS.notAllowed, { show_alert: true });
      return;
    }
    const chatId = ctx.chat.id;
    const state = await this.conversations.get<ComposeState>('staff', chatId);
    if (data === 'bc:stop') {
      await this.conversations.clear('staff', chatId);
      await ctx.answerCbQuery();
      const draft = state && 'broadcastId' in state ? state.broadcastId : null;
      await ctx.reply(draft ? COMPOSE_TEXTS.stoppedWithDraft(draft) : COMPOSE_TEXTS.stopped);
      return;
    }
    const audience = /^bc:aud:(all|\d+)$/.exec(data);
    if (audience && state?.step === 'broadcast_audience') {
      await ctx.answerCbQuery();
      const segmentId = audience[1] === 'all' ? null : Number(audience[1]);
      return this.createDraft(ctx, member, state.content, segmentId);
    }
    if (data === 'bc:now' && state?.step === 'broadcast_confirm') {
      await ctx.answerCbQuery();
      return this.schedule(ctx, member, state.broadcastId, 'now');
    }
    if (data === 'bc:time' && state?.step === 'broadcast_confirm') {
      await ctx.answerCbQuery();
      await this.conversations.set<ComposeState>('staff', chatId, {
        step: 'broadcast_time',
        broadcastId: state.broadcastId,
      });
      await ctx.reply(COMPOSE_TEXTS.askTime);
      return;
    }
    await ctx.answerCbQuery(COMPOSE_TEXTS.staleButton);
  }

  private async takeContent(ctx: Context, chatId: number): Promise<void> {
    const content = contentOf(ctx.message);
    if (!content) {
      await ctx.reply(COMPOSE_TEXTS.wrongContent);
      return;
    }
    try {
      checkBroadcastContent({ ...content, media: content.staffFileId, buttons: null });
    } catch (error) {
      await ctx.reply(problemText(error));
      return;
    }
    await this.conversations.set<ComposeState>('staff', chatId, { step: 'broadcast_audience', content });
    const segments = await this.queries.execute(new BroadcastAudiencesQuery());
    const rows = [
      [Markup.button.callback(COMPOSE_TEXTS.everyone, 'bc:aud:all')],
      ...segments.map((s) => [Markup.button.callback(s.name.slice(0, 60), `bc:aud:${s.id}`)]),
      [Markup.button.callback(COMPOSE_TEXTS.cancelButton, 'bc:stop')],
    ];
    await ctx.reply(COMPOSE_TEXTS.askAudience, Markup.inlineKeyboard(rows));
  }

  /** The draft, made as the API would make it, and its preview from the client bot. */
  private async createDraft(
    ctx: Context,
    member: StaffMember,
    content: Content,
    segmentId: number | null,
  ): Promise<void> {
    const chatId = ctx.chat?.id as number;
    const actor: Actor = { type: 'admin', id: member.admin?.id ?? null };
    try {
      const count = await this.queries.execute(new CountBroadcastAudienceQuery(segmentId));
      let media: string | null = null;
      if (content.contentType !== 'text' && content.staffFileId) {
        // The upload by the client bot is the preview, and gives the file_id the client bot can send.
        ({ media } = await this.commands.execute(
          new AdoptStaffMediaCommand(
            content.contentType,
            content.staffFileId,
            content.text,
            member.telegramId,
          ),
        ));
      }
      const { id } = await this.commands.execute(
        new CreateBroadcastCommand(
          {
            title: titleOf(content),
            contentType: content.contentType,
            text: content.text,
            media,
            buttons: null,
            segmentId,
            isTest: false,
          },
          actor,
        ),
      );
      if (content.contentType === 'text') {
        await this.commands.execute(new SendTestBroadcastCommand(id, member.telegramId, actor));
      }
      await this.conversations.set<ComposeState>('staff', chatId, {
        step: 'broadcast_confirm',
        broadcastId: id,
      });
      await ctx.reply(
        COMPOSE_TEXTS.confirm(id, count),
        Markup.inlineKeyboard([
          [Markup.button.callback(COMPOSE_TEXTS.sendNowButton, 'bc:now')],
          [Markup.button.callback(COMPOSE_TEXTS.laterButton, 'bc:time')],
          [Markup.button.callback(COMPOSE_TEXTS.cancelButton, 'bc:stop')],
        ]),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn({ err: error }, 'Broadcast compose: could not create the draft');
      await this.conversations.clear('staff', chatId);
      await ctx.reply(
        error.code === ErrorCode.TELEGRAM_UNAVAILABLE
          ? COMPOSE_TEXTS.noPreview
          : `${problemText(error)} ${COMPOSE_TEXTS.again}`,
      );
    }
  }

  private async takeTime(ctx: Context, member: StaffMember, broadcastId: number): Promise<void> {
    const typed = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
    const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
    const when = chatDateTime(typed, DateTime.now().setZone(timezone).year);
    if (!when) {
      await ctx.reply(COMPOSE_TEXTS.badTime);
      return;
    }
    await this.schedule(ctx, member, broadcastId, when);
  }

  private async schedule(
    ctx: Context,
    member: StaffMember,
    broadcastId: number,
    when: string,
  ): Promise<void> {
    const chatId = ctx.chat?.id as number;
    const actor: Actor = { type: 'admin', id: member.admin?.id ?? null };
    try {
      const { scheduledAt } = await this.commands.execute(
        new ScheduleBroadcastCommand(broadcastId, when, actor),
      );
      await this.conversations.clear('staff', chatId);
      if (when === 'now') {
        await ctx.reply(COMPOSE_TEXTS.sending(broadcastId));
      } else {
        const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
        const local = DateTime.fromJSDate(scheduledAt).setZone(timezone).toFormat('dd.MM.yyyy HH:mm');
        await ctx.reply(COMPOSE_TEXTS.scheduled(broadcastId, local));
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const retryable =
        error.code === ErrorCode.BROADCAST_SCHEDULE_IN_PAST || error.code === ErrorCode.VALIDATION_FAILED;
      if (!retryable) await this.conversations.clear('staff', chatId);
      await ctx.reply(retryable ? `${errorTextRu(error)} ${COMPOSE_TEXTS.badTime}` : errorTextRu(error));
    }
  }

  private async allowed(ctx: Context, member: StaffMember): Promise<boolean> {
    if (member.admin && MAY_COMPOSE.includes(member.admin.role)) return true;
    if (ctx.chat) await this.conversations.clear('staff', ctx.chat.id);
    await ctx.reply(COMPOSE_TEXTS.notAllowed);
    return false;
  }
}

/** The content of a message: its text, or its largest photo / its video with the caption; null otherwise. */
function contentOf(message: Context['message']): Content | null {
  if (!message) return null;
  if ('text' in message) {
    return { contentType: 'text', text: entitiesToHtml(message.text, message.entities), staffFileId: null };
  }
  const captioned = message as Message.CaptionableMessage;
  const caption = captioned.caption ? entitiesToHtml(captioned.caption, captioned.caption_entities) : null;
  if ('photo' in message && message.photo.length > 0) {
    return {
      contentType: 'photo',
      text: caption,
      staffFileId: message.photo[message.photo.length - 1].file_id,
    };
  }
  if ('video' in message) return { contentType: 'video', text: caption, staffFileId: message.video.file_id };
  return null;
}

function titleOf(content: Content): string {
  const words = content.text ? visibleText(content.text).replace(/\s+/g, ' ').trim() : '';
  const kind = { text: 'Текст', photo: 'Фото', video: 'Видео' }[content.contentType];
  return `Из бота: ${words ? words.slice(0, 60) : kind}`;
}

/** A Russian sentence for a refused draft: the code's text, or what is wrong with the text's length. */
function problemText(error: unknown): string {
  if (error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED) {
    const fields = (error.details?.fields ?? []) as Array<{ field: string; errors: string[] }>;
    if (fields.some((f) => f.errors.some((e) => e.includes('at most')))) return COMPOSE_TEXTS.tooLong;
  }
  return errorTextRu(error);
}
