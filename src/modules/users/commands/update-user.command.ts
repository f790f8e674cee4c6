import { Command, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { Clock } from '../../../common/clock/clock';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { checkBirthDate, todayIn } from '../domain/birth-date';
import { checkClientTags } from '../domain/tags';
import { BirthDateSetEvent, UserUpdatedEvent } from '../events/user.events';
import { User } from '../persistence/user.entity';
import { lockClient } from './lock-client';
import { Outbox } from '../../../infrastructure/outbox/outbox';

/** What an admin may change on a client; absent fields stay, null clears notes or the birth date. */
export interface UserChanges {
  tags?: string[];
  notes?: string | null;
  birthDate?: string | null;
  isTest?: boolean;
}

/**
 * An admin edits a client: tags (TAG_INVALID, TAG_TOO_MANY above 20; stored in lower case), notes, birth
 * date (the age rules of BIRTH_DATE_INVALID; an admin may replace a client's date), test flag.
 * USER_NOT_FOUND, USER_DELETED. Publishes UserUpdated (and BirthDateSet for a new date) when anything
 * changed; returns the changed fields.
 */
export class UpdateUserCommand extends Command<{ changed: string[] }> {
  constructor(
    readonly userId: number,
    readonly changes: UserChanges,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserCommand)
export class UpdateUserHandler implements ICommandHandler<UpdateUserCommand, { changed: string[] }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  async execute({ userId, changes, actor }: UpdateUserCommand): Promise<{ changed: string[] }> {
    const now = this.clock.now();
    const next: Partial<User> = {};
    if (changes.tags !== undefined) next.tags = checkClientTags(changes.tags);
    if (changes.notes !== undefined) next.notes = changes.notes?.trim() || null;
    if (changes.isTest !== undefined) next.isTest = changes.isTest;
    if (changes.birthDate !== undefined) {
      const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
      next.birthDate =
        changes.birthDate === null ? null : checkBirthDate(changes.birthDate, todayIn(now, timezone));
    }
    const { changed, facts } = await this.dataSource.transaction(async (manager) => {
      const user = await lockClient(manager, userId);
      const fields = (Object.keys(next) as (keyof UserChanges)[]).filter(
        (field) => JSON.stringify(user[field]) !== JSON.stringify(next[field]),
      );
      if (fields.length === 0) return { changed: [], facts: [] };
      const update: Partial<User> = Object.fromEntries(fields.map((field) => [field, next[field]]));
      if (fields.includes('birthDate')) update.birthDateSetAt = next.birthDate === null ? null : now;
      await manager.update(User, userId, update);
      const changeFacts = factsOf(userId, actor, fields, user, next);
      await this.outbox.record(manager, ...changeFacts);
      return { changed: fields, facts: changeFacts };
    });
    for (const fact of facts) this.events.publish(fact);
    return { changed };
  }
}

/** The facts of a change, recorded with it: the update, and a birth date's own fact. */
function factsOf(
  userId: number,
  actor: Actor,
  changed: string[],
  before: User,
  next: Partial<User>,
): Array<UserUpdatedEvent | BirthDateSetEvent> {
  // Values only for what is not personal; notes and birth dates are named, never copied to the audit log.
  const visible = (user: Partial<User>) =>
    Object.fromEntries(changed.filter((f) => f === 'tags' || f === 'isTest').map((f) => [f, user[f]]));
  const facts: Array<UserUpdatedEvent | BirthDateSetEvent> = [
    new UserUpdatedEvent(userId, actor, changed, visible(before), visible(next)),
  ];
  if (changed.includes('birthDate')) {
    facts.push(
      new BirthDateSetEvent(
        userId,
        (next.birthDate ?? null) === null,
        'admin',
        actor,
        before.birthDate !== null,
      ),
    );
  }
  return facts;
}
