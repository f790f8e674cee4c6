import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Context, Markup } from 'telegraf';
import { Clock } from '../../common/clock/clock';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { ConversationStore } from '../../infrastructure/telegram/conversation-store';
import { GetSettingQuery } from '../../modules/settings/queries/get-setting.query';
import { SetBirthDateCommand } from '../../modules/users/commands/set-birth-date.command';
import { ClientSummary } from '../../modules/users/queries/find-client.query';
import { parseIsoDate, todayIn } from '../../modules/users/domain/birth-date';
import {
  BirthdayProblem,
  birthdayText,
  readBirthday,
  storedForm,
  TypedBirthday,
} from '../../modules/users/domain/typed-birthday';
import { CLIENT_BUTTONS } from './client-menu';
import { ClientRegistry } from './client-registry';
import { ClientReplies } from './client-replies';
import { CLIENT_TEXTS } from './client-texts';

/** Where the client bot's dialog with a client stands (Redis, 10 minutes after the last step). */
export type ClientConversation =
  { step: 'birthday_date' } | { step: 'birthday_confirm'; birthday: TypedBirthday };

/**
 * The birthday dialog: «🎂 День рождения» asks (`birthday_ask`), a typed date is read (or refused with a
 * hint and asked again), «Да» under `birthday_confirm` saves it through SetBirthDateCommand, «Нет» asks
 * again. A saved date is final for the client: the bot shows it (`birthday_already_set`).
 */
@Injectable()
export class BirthdayFlow {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly conversations: ConversationStore,
    private readonly registry: ClientRegistry,
    private readonly replies: ClientReplies,
    private readonly clock: Clock,
  ) {}

  async begin(ctx: Context, chatId: number, client: ClientSummary): Promise<void> {
    if (client.birthDate !== null) {
      await this.conversations.clear('client', chatId);
      await this.alreadySet(ctx, client.birthDate);
      return;
    }
    await this.conversations.set<ClientConversation>('client', chatId, { step: 'birthday_date' });
    await this.replies.template(ctx, 'birthday_ask', {});
  }

  /** Whether the client's next text is an answer to this dialog. */
  isWaiting(conversation: ClientConversation | null): conversation is ClientConversation {
    return conversation?.step === 'birthday_date' || conversation?.step === 'birthday_confirm';
  }

  /** A typed date (also at the confirmation step: a new date replaces the one waiting there). */
  async acceptDate(ctx: Context, chatId: number, typed: string): Promise<void> {
    const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
    const reading = readBirthday(typed, todayIn(this.clock.now(), timezone));
    if (!reading.ok) {
      await this.askAgain(ctx, chatId, CLIENT_TEXTS.birthdayHint[reading.problem]);
      return;
    }
    const { birthday } = reading;
    await this.conversations.set<ClientConversation>('client', chatId, {
      step: 'birthday_confirm',
      birthday,
    });
    await this.replies.template(
      ctx,
      'birthday_confirm',
      { birth_date: birthdayText(birthday) },
      Markup.inlineKeyboard([
        Markup.button.callback(CLIENT_TEXTS.yesButton, CLIENT_BUTTONS.birthdayYes),
        Markup.button.callback(CLIENT_TEXTS.noButton, CLIENT_BUTTONS.birthdayNo),
      ]),
    );
  }

  /** «Да» or «Нет» under the confirmation (or the same word typed). */
  async confirm(ctx: Context, chatId: number, client: ClientSummary, yes: boolean): Promise<void> {
    const conversation = await this.conversations.get<ClientConversation>('client', chatId);
    if (ctx.callbackQuery) await this.replies.dropButtons(ctx);
    if (conversation?.step !== 'birthday_confirm') {
      await this.replies.acknowledge(ctx, CLIENT_TEXTS.staleButton);
      if (client.birthDate !== null) await this.alreadySet(ctx, client.birthDate);
      else await this.replies.text(ctx, CLIENT_TEXTS.birthdayExpired);
      return;
    }
    await this.replies.acknowledge(ctx);
    if (!yes) {
      await this.askAgain(ctx, chatId, CLIENT_TEXTS.birthdayTypeAgain);
      return;
    }
    await this.save(ctx, chatId, client, conversation.birthday);
  }

  private async save(
    ctx: Context,
    chatId: number,
    client: ClientSummary,
    birthday: TypedBirthday,
  ): Promise<void> {
    try {
      await this.commands.execute(new SetBirthDateCommand(client.userId, storedForm(birthday), 'client'));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.BIRTH_DATE_ALREADY_SET) {
        await this.conversations.clear('client', chatId);
        const saved = (await this.registry.find(chatId))?.birthDate ?? client.birthDate;
        if (saved) await this.alreadySet(ctx, saved);
        return;
      }
      if (error.code !== ErrorCode.BIRTH_DATE_INVALID) throw error;
      await this.askAgain(ctx, chatId, refusalHint(error));
      return;
    }
    await this.conversations.clear('client', chatId);
    await this.replies.template(ctx, 'birthday_saved', { birth_date: birthdayText(birthday) });
  }

  private async askAgain(ctx: Context, chatId: number, hint: string): Promise<void> {
    await this.conversations.set<ClientConversation>('client', chatId, { step: 'birthday_date' });
    await this.replies.text(ctx, `${hint}\n\n${CLIENT_TEXTS.cancelHint}`);
  }

  private async alreadySet(ctx: Context, saved: string): Promise<void> {
    await this.replies.template(ctx, 'birthday_already_set', { birth_date: savedDateText(saved) });
  }
}

/** A saved date (`YYYY-MM-DD`, or `--MM-DD` without a year) as the client reads it: `25 ноября 1990`. */
function savedDateText(saved: string): string {
  const yearless = /^--(\d{2})-(\d{2})$/.exec(saved);
  if (yearless) return birthdayText({ month: Number(yearless[1]), day: Number(yearless[2]), year: null });
  const date = parseIsoDate(saved);
  return date ? birthdayText(date) : saved;
}

/** The users module refused a date the bot had read (its rule is the last word): the hint for its reason. */
function refusalHint(error: DomainError): string {
  const reason = error.details?.reason;
  const problem: BirthdayProblem = reason === 'future' || reason === 'age' ? reason : 'impossible';
  return CLIENT_TEXTS.birthdayHint[problem];
}
