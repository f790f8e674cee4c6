import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Context, Markup } from 'telegraf';
import { ConversationStore } from '../../infrastructure/telegram/conversation-store';
import { RegisterCashierCommand } from '../../modules/staff/commands/register-cashier.command';
import { brokenFullNameRule } from '../../modules/staff/domain/cashier-full-name';
import { decisionNotice } from '../../modules/notices/domain/cashier-notices';
import { STAFF_TEXTS } from './staff-texts';

/** The staff bot's dialog state: waiting for the applicant's full name. */
export interface StaffConversation {
  step: 'cashier_full_name';
}

/** Callback data of the «Стать кассиром» button. */
export const REGISTER_BUTTON = 'cashier:register';

/** A stranger becomes a pending cashier: the offer, the question, the name (re-asked until it reads right). */
@Injectable()
export class CashierRegistrationFlow {
  constructor(
    private readonly commands: CommandBus,
    private readonly conversations: ConversationStore,
  ) {}

  async offer(ctx: Context, preface?: string): Promise<void> {
    const text = preface ? `${preface}\n\n${STAFF_TEXTS.offer}` : STAFF_TEXTS.offer;
    await ctx.reply(
      text,
      Markup.inlineKeyboard([Markup.button.callback(STAFF_TEXTS.offerButton, REGISTER_BUTTON)]),
    );
  }

  /** The «Стать кассиром» button: asks for the name and waits (10 minutes) for it. */
  async begin(ctx: Context, chatId: number): Promise<void> {
    await this.conversations.set<StaffConversation>('staff', chatId, { step: 'cashier_full_name' });
    await ctx.answerCbQuery();
    await ctx.reply(STAFF_TEXTS.askFullName);
  }

  isWaitingForName(conversation: StaffConversation | null): boolean {
    return conversation?.step === 'cashier_full_name';
  }

  async acceptName(ctx: Context, chatId: number, telegramId: number, typed: string): Promise<void> {
    let registered;
    try {
      registered = await this.commands.execute(
        new RegisterCashierCommand(telegramId, typed, ctx.from?.username ?? null),
      );
    } catch (error) {
      const rule = brokenFullNameRule(error);
      if (!rule) throw error;
      await this.conversations.set<StaffConversation>('staff', chatId, { step: 'cashier_full_name' });
      await ctx.reply(`${STAFF_TEXTS.nameProblem[rule]} Попробуйте ещё раз, например: Иванова Анна.`);
      return;
    }
    await this.conversations.clear('staff', chatId);
    await ctx.reply(
      registered.created
        ? STAFF_TEXTS.applicationSent(registered.fullName)
        : decisionNotice(registered.status),
    );
  }
}
