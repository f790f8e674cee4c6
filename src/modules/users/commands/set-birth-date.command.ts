import { Command, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { Actor } from '../../../common/audit/audit-entry';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { checkBirthDate, publicBirthDate, todayIn } from '../domain/birth-date';
import { BirthDateSetEvent } from '../events/user.events';
import { User } from '../persistence/user.entity';
import { lockClient } from './lock-client';

/**
 * Saves a client's birth date (`YYYY-MM-DD`, or `--MM-DD` when the client gave no year): BIRTH_DATE_INVALID
 * unless a real date, not in the future, age 5..120 in shop time (domain/birth-date.ts). A client saves it once (BIRTH_DATE_ALREADY_SET afterwards); an admin may change it
 * any time. `birth_date_set_at` becomes now whenever the date changes (the birthday gift waits
 * `birthday.min_days_since_set` days after it). USER_NOT_FOUND, USER_DELETED.
 */
export class SetBirthDateCommand extends Command<{ birthDate: string; changed: boolean }> {
  constructor(
    readonly userId: number,
    readonly birthDate: string,
    readonly by: 'client' | 'admin',
    /** The admin, when `by` is admin (for the audit log). */
    readonly actor: Actor | null = null,
  ) {
    super();
  }
}

@CommandHandler(SetBirthDateCommand)
export class SetBirthDateHandler implements ICommandHandler<
  SetBirthDateCommand,
  { birthDate: string; changed: boolean }
> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  async execute({
    userId,
    birthDate,
    by,
    actor,
  }: SetBirthDateCommand): Promise<{ birthDate: string; changed: boolean }> {
    const now = this.clock.now();
    const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
    const date = checkBirthDate(birthDate, todayIn(now, timezone));
    const fact = (before: string | null) =>
      new BirthDateSetEvent(userId, false, by, actor ?? { type: 'client', id: userId }, before !== null);
    const { set } = await this.dataSource.transaction(async (manager) => {
      const user = await lockClient(manager, userId);
      if (by === 'client' && user.birthDate !== null) {
        throw new DomainError(
          ErrorCode.BIRTH_DATE_ALREADY_SET,
          'The birth date is already saved; only the shop can change it',
          { userId },
        );
      }
      if (user.birthDate === date) return { before: user.birthDate, set: null };
      await manager.update(User, userId, { birthDate: date, birthDateSetAt: now });
      const recorded = fact(user.birthDate);
      await this.outbox.record(manager, recorded);
      return { before: user.birthDate, set: recorded };
    });
    const saved = publicBirthDate(date) ?? date;
    if (!set) return { birthDate: saved, changed: false };
    this.events.publish(set);
    return { birthDate: saved, changed: true };
  }
}
