import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';

/*
 * What happened to clients, for listeners (gifts, notifications, stats) and the audit log. The audit
 * entries carry no personal data (names, username, birth date, notes, Telegram id): an anonymised client
 * leaves none behind in audit_logs. Listeners get what they need from the event's own fields.
 */

const client = (userId: number): Actor => ({ type: 'client', id: userId });

abstract class UserEvent extends AuditableEvent {
  protected abstract readonly action: string;
  protected abstract readonly actor: Actor;
  abstract readonly userId: number;

  protected changes(): Record<string, unknown> | null {
    return null;
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: this.action,
      entityType: 'user',
      entityId: this.userId,
      changes: this.changes(),
    };
  }
}

/**
 * A new client pressed /start (or a deleted one came back: a new client, `previousUserId` their old row).
 * An outbox fact: audited with the new row.
 */
@Fact('user.registered')
export class UserRegisteredEvent extends UserEvent {
  protected readonly action = 'user.registered';
  protected get actor() {
    return client(this.userId);
  }

  constructor(
    readonly userId: number,
    readonly source: string,
    readonly referredByUserId: number | null,
    readonly isTest: boolean,
    /** The anonymised row of the same person (matched by Telegram id hash), when they were a client before. */
    readonly previousUserId: number | null = null,
  ) {
    super();
  }

  protected override changes() {
    const { source, referredByUserId, isTest, previousUserId } = this;
    return { after: { source, referredByUserId, isTest, previousUserId } };
  }
}

/** A client who had blocked the bot pressed /start again: `active` once more. An outbox fact (audit). */
@Fact('user.reactivated')
export class UserReactivatedEvent extends UserEvent {
  protected readonly action = 'user.reactivated';
  protected get actor() {
    return client(this.userId);
  }

  constructor(readonly userId: number) {
    super();
  }
}

/**
 * How a subscription became known: the client pressed «Я подписался» in the bot and waits for the answer
 * (`button`), or the channel reported a member change (`channel`).
 */
export type SubscriptionSource = 'button' | 'channel';

/**
 * A client became subscribed to the channel. `firstTime`: never subscribed before (the subscription gift
 * is once per client ever); false for a client returning after leaving. `source`: see SubscriptionSource.
 * An outbox fact, audited with the change; the subscription gift still follows it in-process (docs/OUTBOX.md).
 */
@Fact('user.subscribed')
export class UserSubscribedEvent extends UserEvent {
  protected readonly action = 'user.subscribed';
  protected get actor() {
    return client(this.userId);
  }

  constructor(
    readonly userId: number,
    readonly firstTime: boolean,
    readonly source: SubscriptionSource,
  ) {
    super();
  }

  protected override changes() {
    return { after: { isSubscribed: true, firstTime: this.firstTime } };
  }
}

/** A client left the channel (or a re-check no longer finds them). */
@Fact('user.unsubscribed')
export class UserUnsubscribedEvent extends UserEvent {
  protected readonly action = 'user.unsubscribed';
  protected get actor() {
    return client(this.userId);
  }

  constructor(readonly userId: number) {
    super();
  }

  protected override changes() {
    return { after: { isSubscribed: false } };
  }
}

/** A birth date was saved: by the client (once) or by an admin (any time). An outbox fact (audit only). */
@Fact('user.birth-date-set')
export class BirthDateSetEvent extends UserEvent {
  protected readonly action = 'user.birth_date_set';

  constructor(
    readonly userId: number,
    /** True when an admin cleared it. The date itself stays out: the payload outlives the client's deletion. */
    readonly cleared: boolean,
    readonly by: 'client' | 'admin',
    readonly actor: Actor,
    /** Whether a date was already there (an admin's correction). */
    readonly replaced: boolean,
  ) {
    super();
  }

  protected override changes() {
    return { after: { by: this.by, replaced: this.replaced, cleared: this.cleared } };
  }
}

/** Telegram answered 403 (or the client blocked the bot): `blocked`, no more messages until /start. */
@Fact('user.blocked-bot')
export class UserBlockedBotEvent extends UserEvent {
  protected readonly action = 'user.blocked_bot';
  protected get actor() {
    return client(this.userId);
  }

  constructor(readonly userId: number) {
    super();
  }
}

/**
 * An admin (or a test link) changed a client: `fields` names what changed; before/after values only for
 * the fields that are not personal (tags, isTest). An outbox fact (consumer: the stats rollup).
 */
@Fact('user.updated')
export class UserUpdatedEvent extends UserEvent {
  protected readonly action = 'user.updated';

  constructor(
    readonly userId: number,
    readonly actor: Actor,
    readonly fields: string[],
    readonly before: Record<string, unknown>,
    readonly after: Record<string, unknown>,
  ) {
    super();
  }

  protected override changes() {
    return { fields: this.fields, before: this.before, after: this.after };
  }
}

/**
 * An owner deleted a client: personal fields cleared, the row and its history kept. An outbox fact
 * (consumer: the codes module revokes the client's codes).
 */
@Fact('user.deleted')
export class UserDeletedEvent extends UserEvent {
  protected readonly action = 'user.deleted';

  constructor(
    readonly userId: number,
    readonly actor: Actor,
  ) {
    super();
  }

  protected override changes() {
    return { after: { status: 'deleted', anonymised: true } };
  }
}

/** Tags added to / removed from many clients at once. */
export class UsersTagsChangedEvent extends AuditableEvent {
  constructor(
    readonly actor: Actor,
    readonly add: string[],
    readonly remove: string[],
    /** `{ userIds: n }`, `{ segmentId }` or `{ filter }`. */
    readonly target: Record<string, unknown>,
    readonly result: { matched: number; updated: number; skipped: number },
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    const { add, remove, target, result } = this;
    return {
      actor: this.actor,
      action: 'users.bulk_tags',
      entityType: 'user',
      entityId: null,
      changes: { add, remove, target, ...result },
    };
  }
}

/** An admin downloaded users.csv: which filters, how many rows, whether the download ran to the end. */
export class UsersExportedEvent extends AuditableEvent {
  constructor(
    readonly actor: Actor,
    readonly filters: Record<string, unknown>,
    readonly rows: number,
    readonly completed: boolean,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: 'users.exported',
      entityType: 'user',
      entityId: null,
      changes: { filters: this.filters, rows: this.rows, completed: this.completed },
    };
  }
}
