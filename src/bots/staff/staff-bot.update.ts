import { QueryBus } from '@nestjs/cqrs';
import { Action, Command, Ctx, Next, On, Start, Update, Use } from 'nestjs-telegraf';
import { Context } from 'telegraf';
import { ConversationStore } from '../../infrastructure/telegram/conversation-store';
import { mayWorkWithCodes } from '../../modules/staff/domain/cashier-status';
import { decisionNotice } from '../../modules/notices/domain/cashier-notices';
import { DECISION_BUTTON_PREFIX } from '../../modules/notices/telegram/decision-buttons';
import { GetStaffMemberQuery, StaffMember } from '../../modules/staff/queries/get-staff-member.query';
import { AdminTelegramFlow } from './admin-telegram.flow';
import { BroadcastComposeFlow, COMPOSE_BUTTON, ComposeState } from './broadcast-compose.flow';
import { COMPOSE_TEXTS } from './broadcast-compose.texts';
import { CashierCodeDesk, REDEEM_BUTTON } from './cashier-code-desk';
import { CashierDecisionFlow } from './cashier-decision.flow';
import { CashierRegistrationFlow, REGISTER_BUTTON, StaffConversation } from './cashier-registration.flow';
import { STAFF_TEXTS } from './staff-texts';

/**
 * The staff bot's routes, in the order telegraf tries them. Every update first asks who is writing (read
 * fresh each time, so a revocation counts at once): approved cashiers get the code desk; pending, rejected
 * and revoked ones only hear their status; admins may /login and /link; anyone else may apply.
 * Handlers return nothing: nestjs-telegraf would send a returned value as a message.
 */
@Update()
export class StaffBotUpdate {
  constructor(
    private readonly queries: QueryBus,
    private readonly conversations: ConversationStore,
    private readonly registration: CashierRegistrationFlow,
    private readonly decisions: CashierDecisionFlow,
    private readonly adminTelegram: AdminTelegramFlow,
    private readonly desk: CashierCodeDesk,
    private readonly compose: BroadcastComposeFlow,
  ) {}

  /**
   * The staff bot works in private chats only: added to a group, it stays silent there, so a /login token
   * or an application can never land in front of others.
   */
  @Use()
  async privateChatsOnly(@Ctx() ctx: Context, @Next() next: () => Promise<void>): Promise<void> {
    if (ctx.chat && ctx.chat.type !== 'private') return;
    await next();
  }

  @Start()
  async start(@Ctx() ctx: Context): Promise<void> {
    const member = await this.member(ctx);
    if (!member || !ctx.chat) return;
    await this.conversations.clear('staff', ctx.chat.id);
    if (member.cashier) await this.greetCashier(ctx, member);
    else if (member.admin) await ctx.reply(STAFF_TEXTS.adminHello(member.admin.username));
    else await this.registration.offer(ctx);
  }

  @Command('login')
  async login(@Ctx() ctx: Context): Promise<void> {
    if (ctx.from) await this.adminTelegram.login(ctx, ctx.from.id);
  }

  @Command('link')
  async link(@Ctx() ctx: Context): Promise<void> {
    if (ctx.from) await this.adminTelegram.link(ctx, ctx.from.id, argumentOf(ctx.text));
  }

  /** An owner or marketer composes a broadcast (BroadcastComposeFlow); everyone else is refused. */
  @Command('broadcast')
  async broadcast(@Ctx() ctx: Context): Promise<void> {
    const member = await this.member(ctx);
    if (!member) return;
    if (member.admin) await this.compose.start(ctx, member);
    else if (member.cashier) await ctx.reply(COMPOSE_TEXTS.notAllowed);
    else await this.answerStranger(ctx, member, STAFF_TEXTS.unknownCommand);
  }

  @Command('cancel')
  async cancel(@Ctx() ctx: Context): Promise<void> {
    if (!ctx.chat) return;
    const conversation = await this.conversations.get<StaffConversation>('staff', ctx.chat.id);
    await this.conversations.clear('staff', ctx.chat.id);
    await ctx.reply(conversation ? STAFF_TEXTS.cancelled : STAFF_TEXTS.nothingToCancel);
  }

  @Command('check')
  async check(@Ctx() ctx: Context): Promise<void> {
    const member = await this.member(ctx);
    if (!member) return;
    if (member.cashier && mayWorkWithCodes(member.cashier.status)) {
      await this.desk.check(ctx, member.cashier, argumentOf(ctx.text));
    } else {
      await this.answerStranger(ctx, member, STAFF_TEXTS.unknownCommand);
    }
  }

  @Action(DECISION_BUTTON_PREFIX)
  async decide(@Ctx() ctx: Context): Promise<void> {
    const member = await this.member(ctx);
    if (member) await this.decisions.press(ctx, member, callbackData(ctx));
  }

  @Action(REGISTER_BUTTON)
  async apply(@Ctx() ctx: Context): Promise<void> {
    const member = await this.member(ctx);
    if (!member || !ctx.chat) return;
    if (member.cashier) {
      await ctx.answerCbQuery();
      await this.tellStatus(ctx, member);
    } else {
      await this.registration.begin(ctx, ctx.chat.id);
    }
  }

  @Action(COMPOSE_BUTTON)
  async composeButton(@Ctx() ctx: Context): Promise<void> {
    const member = await this.member(ctx);
    if (member) await this.compose.press(ctx, member, callbackData(ctx));
  }

  /** «Погасить» under a checked code: an approved cashier redeems; anyone else hears their status. */
  @Action(REDEEM_BUTTON)
  async redeem(@Ctx() ctx: Context): Promise<void> {
    const member = await this.member(ctx);
    if (!member) return;
    if (member.cashier && mayWorkWithCodes(member.cashier.status)) {
      await this.desk.redeem(ctx, member.cashier, callbackData(ctx));
      return;
    }
    await ctx.answerCbQuery(
      member.cashier ? decisionNotice(member.cashier.status) : STAFF_TEXTS.staleButton,
      {
        show_alert: true,
      },
    );
  }

  /** Any other button: an old keyboard, or data we never sent. */
  @On('callback_query')
  async staleButton(@Ctx() ctx: Context): Promise<void> {
    await ctx.answerCbQuery(STAFF_TEXTS.staleButton);
  }

  @On('text')
  async text(@Ctx() ctx: Context): Promise<void> {
    const member = await this.member(ctx);
    if (!member || !ctx.chat) return;
    const text = ctx.text ?? '';
    const command = text.startsWith('/');
    const composing = await this.conversations.get<ComposeState>('staff', ctx.chat.id);
    if (this.compose.isComposing(composing) && !command) return this.compose.message(ctx, member, composing);
    if (member.cashier && mayWorkWithCodes(member.cashier.status)) {
      if (command) await ctx.reply(STAFF_TEXTS.unknownCommand);
      else await this.desk.check(ctx, member.cashier, text);
      return;
    }
    if (member.cashier) return this.tellStatus(ctx, member);
    const conversation = await this.conversations.get<StaffConversation>('staff', ctx.chat.id);
    if (this.registration.isWaitingForName(conversation) && !command) {
      return this.registration.acceptName(ctx, ctx.chat.id, member.telegramId, text);
    }
    await this.answerStranger(ctx, member, command ? STAFF_TEXTS.unknownCommand : undefined);
  }

  /** Stickers, photos, voice messages and the like. */
  @On('message')
  async otherMessage(@Ctx() ctx: Context): Promise<void> {
    const member = await this.member(ctx);
    if (!member || !ctx.chat) return;
    const composing = await this.conversations.get<ComposeState>('staff', ctx.chat.id);
    if (this.compose.isComposing(composing)) return this.compose.message(ctx, member, composing);
    if (member.cashier && !mayWorkWithCodes(member.cashier.status)) return this.tellStatus(ctx, member);
    if (member.cashier) return this.desk.notText(ctx, member.cashier);
    const conversation = await this.conversations.get<StaffConversation>('staff', ctx.chat.id);
    await ctx.reply(
      this.registration.isWaitingForName(conversation) ? STAFF_TEXTS.nameAsText : STAFF_TEXTS.onlyText,
    );
  }

  /** Who is writing; null for updates without a person (channel posts), which the staff bot ignores. */
  private async member(ctx: Context): Promise<StaffMember | null> {
    return ctx.from ? this.queries.execute(new GetStaffMemberQuery(ctx.from.id)) : null;
  }

  private async greetCashier(ctx: Context, member: StaffMember): Promise<void> {
    if (member.cashier && mayWorkWithCodes(member.cashier.status)) await this.desk.greet(ctx, member.cashier);
    else await this.tellStatus(ctx, member);
  }

  private async tellStatus(ctx: Context, member: StaffMember): Promise<void> {
    if (member.cashier) await ctx.reply(decisionNotice(member.cashier.status));
  }

  /** Someone who is not a working cashier: an admin hears their commands, anyone else the offer to apply. */
  private async answerStranger(ctx: Context, member: StaffMember, preface?: string): Promise<void> {
    if (member.cashier) return this.tellStatus(ctx, member);
    if (member.admin) {
      const hello = STAFF_TEXTS.adminHello(member.admin.username);
      await ctx.reply(preface ? `${preface}\n\n${hello}` : hello);
    } else {
      await this.registration.offer(ctx, preface);
    }
  }
}

/** `/link ABC123` => `ABC123`; `/link@dvorik_staff_bot  ABC` => `ABC`; a bare command => ''. */
function argumentOf(text: string | undefined): string {
  return (text ?? '').replace(/^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/, '').trim();
}

function callbackData(ctx: Context): string {
  const query = ctx.callbackQuery;
  return query && 'data' in query ? query.data : '';
}
