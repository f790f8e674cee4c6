import { Command, CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { SetBirthDateCommand } from '../../users/commands/set-birth-date.command';
import { todayIn } from '../../users/domain/birth-date';
import { BIRTHDAY_HINTS, birthdayText, readBirthday, storedForm } from '../../users/domain/typed-birthday';
import { miniAppClient } from '../queries/mini-app-client';

export interface SavedBirthday {
  /** As stored: `YYYY-MM-DD`, or `--MM-DD` without a year. */
  birthDate: string;
  /** `25 ноября 1990`. */
  text: string;
}

/**
 * The card's birthday form: the date as the client typed it, read by the bot's dialog's rules
 * (readBirthday: `ДД.ММ.ГГГГ` or `ДД.ММ`, common separators, real date, not future, age 5..120) and saved by
 * SetBirthDateCommand as the client. A refusal is BIRTH_DATE_INVALID with `details.problem` and the bot's
 * Russian hint in `details.hint`; a date already saved is BIRTH_DATE_ALREADY_SET (only an admin changes it).
 */
export class SaveCardBirthdayCommand extends Command<SavedBirthday> {
  constructor(
    readonly telegramId: number,
    readonly typed: string,
  ) {
    super();
  }
}

@CommandHandler(SaveCardBirthdayCommand)
export class SaveCardBirthdayHandler implements ICommandHandler<SaveCardBirthdayCommand, SavedBirthday> {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ telegramId, typed }: SaveCardBirthdayCommand): Promise<SavedBirthday> {
    const client = await miniAppClient(this.queries, telegramId);
    if (client.birthDate !== null) {
      throw new DomainError(
        ErrorCode.BIRTH_DATE_ALREADY_SET,
        'The birth date is set; only an admin changes it',
        {
          birthDate: client.birthDate,
        },
      );
    }
    const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
    const reading = readBirthday(typed, todayIn(this.clock.now(), timezone));
    if (!reading.ok) {
      throw new DomainError(ErrorCode.BIRTH_DATE_INVALID, `The date was refused: ${reading.problem}`, {
        problem: reading.problem,
        hint: plain(BIRTHDAY_HINTS[reading.problem]),
      });
    }
    const { birthDate } = await this.commands.execute(
      new SetBirthDateCommand(client.userId, storedForm(reading.birthday), 'client'),
    );
    return { birthDate, text: birthdayText(reading.birthday) };
  }
}

/** The bot's hints carry Telegram HTML (<b>); the card shows text. */
function plain(html: string): string {
  return html.replace(/<[^>]+>/g, '');
}
