import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { birthdaysOn } from '../domain/birthday';
import { BirthdayCandidates } from '../persistence/birthday-candidates';
import { IssueDiscountCommand } from '../../codes/commands/issue-discount.command';

export interface BirthdayRun {
  shopDate: string;
  /** False while `birthday.template_id` is null (birthday gifts off). */
  enabled: boolean;
  candidates: number;
  /** New codes (each greeted with `birthday_greeting` by the notifications queue). */
  issued: number;
  /** Codes another run had just issued (two workers at once): not greeted twice. */
  alreadyIssued: number;
  failed: number;
}

/**
 * The birthday gifts of one shop date (SPEC 7): the template of `birthday.template_id` for every client
 * born that day (29 Feb => 28 Feb in a common year), active, not a tester, whose birth date was saved at
 * least `birthday.min_days_since_set` days ago and who has no birthday gift for the year. The period key is
 * the date's year, so two runs at once, a retry or a second scheduler give one gift a year; the greeting
 * follows each new code (DiscountIssuedEvent).
 */
export class IssueBirthdayGiftsCommand extends Command<BirthdayRun> {
  constructor(readonly shopDate: string) {
    super();
  }
}

const PAGE = 500;
const PARALLEL = 4;
const DAY_MS = 86_400_000;

@CommandHandler(IssueBirthdayGiftsCommand)
export class IssueBirthdayGiftsHandler implements ICommandHandler<IssueBirthdayGiftsCommand, BirthdayRun> {
  private readonly logger = new Logger(IssueBirthdayGiftsHandler.name);

  constructor(
    private readonly candidates: BirthdayCandidates,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ shopDate }: IssueBirthdayGiftsCommand): Promise<BirthdayRun> {
    const selection = birthdaysOn(shopDate);
    const run: BirthdayRun = {
      shopDate,
      enabled: true,
      candidates: 0,
      issued: 0,
      alreadyIssued: 0,
      failed: 0,
    };
    const templateId = await this.queries.execute(new GetSettingQuery('birthday.template_id'));
    if (templateId === null) return { ...run, enabled: false };
    const minDays = await this.queries.execute(new GetSettingQuery('birthday.min_days_since_set'));
    const setBefore = new Date(this.clock.now().getTime() - minDays * DAY_MS);
    for (let after = 0; ;) {
      const page = await this.candidates.page({ selection, setBefore, afterUserId: after, limit: PAGE });
      run.candidates += page.length;
      for (let start = 0; start < page.length; start += PARALLEL) {
        const slice = page.slice(start, start + PARALLEL);
        await Promise.all(slice.map((userId) => this.issue(userId, templateId, selection.year, run)));
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1];
    }
    this.logger.log({ ...run }, 'Birthday gifts issued');
    return run;
  }

  private async issue(userId: number, templateId: number, year: number, run: BirthdayRun): Promise<void> {
    try {
      const { alreadyIssued } = await this.commands.execute(
        new IssueDiscountCommand({ userId, templateId, reason: 'birthday', periodKey: String(year) }),
      );
      if (alreadyIssued) run.alreadyIssued++;
      else run.issued++;
    } catch (error) {
      run.failed++;
      const level = error instanceof DomainError ? 'warn' : 'error';
      this.logger[level]({ err: error, userId, templateId }, 'Could not issue a birthday gift');
    }
  }
}
