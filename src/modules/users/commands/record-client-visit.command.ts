import { Command, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { mayBeInvitedBy, newReferralCode, ReferralLink, telegramIdHash } from '../domain/client-identity';
import { isTestSecret, parseStartPayload, sourceOf, StartPayload } from '../domain/start-payload';
import { UserReactivatedEvent, UserRegisteredEvent, UserUpdatedEvent } from '../events/user.events';
import { duplicateKeyOf } from '../../../infrastructure/database/duplicate-key';
import { User } from '../persistence/user.entity';

export interface ClientVisit {
  userId: number;
  /** A new row: first /start of this Telegram account (or of a person whose old row was deleted). */
  isNew: boolean;
  /** A client who had blocked the bot is active again. */
  reactivated: boolean;
}

/** What Telegram tells about the person pressing /start, and the deep-link payload if any. */
export interface StartInput {
  telegramId: number;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  languageCode?: string | null;
  payload?: string | null;
}

/**
 * A person's visit to the client bot: every message and button press, `/start [payload]` included.
 * A new Telegram account becomes a client with the payload's source (first touch: `[a-z0-9_-]{1,64}`, `referral` for `ref_<code>`, else `direct`), the inviter of a
 * `ref_<code>` link unless that is the person themself or a loop, `isTest` for `test_<secret>` matching
 * the setting `test_mode.secret`, and a unique referral code of its own. A known client gets names and
 * last activity refreshed and, if they had blocked the bot, is active again; source and inviter never
 * change. A deleted client's Telegram id is gone (only its hash stays), so the person registers as new.
 */
export class RecordClientVisitCommand extends Command<ClientVisit> {
  constructor(readonly input: StartInput) {
    super();
  }
}

const MAX_REFERRAL_CHAIN = 20;
const CODE_ATTEMPTS = 5;

@CommandHandler(RecordClientVisitCommand)
export class RecordClientVisitHandler implements ICommandHandler<RecordClientVisitCommand, ClientVisit> {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute({ input: profile }: RecordClientVisitCommand): Promise<ClientVisit> {
    const start = parseStartPayload(profile.payload);
    const isTest = start.kind === 'test' && isTestSecret(start, await this.testSecret());
    const known = await this.users.findOneBy({ telegramId: profile.telegramId });
    if (known) return this.welcomeBack(known, profile, isTest);
    return this.register(profile, start, isTest);
  }

  private async welcomeBack(user: User, profile: StartInput, markTest: boolean): Promise<ClientVisit> {
    await this.users.update(user.id, { ...names(profile), lastActivityAt: this.clock.now() });
    // Conditional updates, so a burst of /start presses publishes each fact once.
    const back = new UserReactivatedEvent(user.id);
    const reactivated =
      user.status === 'blocked' &&
      (await this.users.manager.transaction(async (manager) => {
        const { affected } = await manager.update(
          User,
          { id: user.id, status: 'blocked' },
          { status: 'active', blockedAt: null },
        );
        if (affected) await this.outbox.record(manager, back);
        return Boolean(affected);
      }));
    if (reactivated) this.events.publish(back);
    if (markTest) {
      const client = { type: 'client' as const, id: user.id };
      const marked = new UserUpdatedEvent(user.id, client, ['isTest'], { isTest: false }, { isTest: true });
      const changed = await this.users.manager.transaction(async (manager) => {
        const { affected } = await manager.update(User, { id: user.id, isTest: false }, { isTest: true });
        if (affected) await this.outbox.record(manager, marked);
        return Boolean(affected);
      });
      if (changed) this.events.publish(marked);
    }
    return { userId: user.id, isNew: false, reactivated };
  }

  private async register(profile: StartInput, start: StartPayload, isTest: boolean): Promise<ClientVisit> {
    const referredByUserId =
      start.kind === 'referral' ? await this.inviter(start.code, profile.telegramId) : null;
    const previous = await this.users.findOne({
      where: { telegramIdHash: telegramIdHash(profile.telegramId), status: 'deleted' },
      order: { id: 'DESC' },
    });
    const source = sourceOf(start);
    for (let attempt = 1; ; attempt++) {
      try {
        const registered = await this.users.manager.transaction(async (manager) => {
          const { identifiers } = await manager.insert(User, {
            telegramId: profile.telegramId,
            ...names(profile),
            source,
            referredByUserId,
            isTest,
            tags: [],
            status: 'active',
            lastActivityAt: this.clock.now(),
            referralCode: newReferralCode(),
          });
          const fact = new UserRegisteredEvent(
            Number(identifiers[0].id),
            source,
            referredByUserId,
            isTest,
            previous?.id ?? null,
          );
          await this.outbox.record(manager, fact);
          return fact;
        });
        this.events.publish(registered);
        return { userId: registered.userId, isNew: true, reactivated: false };
      } catch (error) {
        const key = duplicateKeyOf(error);
        // The same person pressed /start twice at once: the other request registered them.
        if (key === 'uq_users_telegram_id') {
          return this.welcomeBack(
            await this.users.findOneByOrFail({ telegramId: profile.telegramId }),
            profile,
            isTest,
          );
        }
        if (key !== 'uq_users_referral_code' || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  /** The client whose referral code this is, unless inviting `telegramId` would be a self-invite or a loop. */
  private async inviter(code: string, telegramId: number): Promise<number | null> {
    const inviter = await this.users.findOneBy({ referralCode: code, status: Not('deleted' as const) });
    if (!inviter) return null;
    const chain: ReferralLink[] = [toLink(inviter)];
    let next = inviter.referredByUserId;
    while (
      next !== null &&
      chain.length < MAX_REFERRAL_CHAIN &&
      !chain.some((link) => link.userId === next)
    ) {
      const link = await this.users.findOne({
        select: ['id', 'telegramId', 'telegramIdHash', 'referredByUserId'],
        where: { id: next },
      });
      if (!link) break;
      chain.push(toLink(link));
      next = link.referredByUserId;
    }
    return mayBeInvitedBy(telegramId, chain) ? inviter.id : null;
  }

  private testSecret(): Promise<string | null> {
    return this.queries.execute(new GetSettingQuery('test_mode.secret'));
  }
}

const toLink = (user: User): ReferralLink => ({
  userId: user.id,
  telegramId: user.telegramId,
  telegramIdHash: user.telegramIdHash,
  referredByUserId: user.referredByUserId,
});

/** Names as Telegram sends them, cut to the columns' lengths. */
function names(profile: StartInput): Pick<User, 'username' | 'firstName' | 'lastName' | 'languageCode'> {
  const cut = (text: string | null | undefined, max: number) => (text ? text.slice(0, max) : null);
  return {
    username: cut(profile.username, 64),
    firstName: cut(profile.firstName, 128),
    lastName: cut(profile.lastName, 128),
    languageCode: cut(profile.languageCode, 16),
  };
}
