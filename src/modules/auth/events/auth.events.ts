import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';

const admin = (id: number): Actor => ({ type: 'admin', id });

/** An admin logged in with a password or a Telegram one-time token. An outbox fact (audit, in the login's transaction). */
@Fact('admin.logged-in')
export class AdminLoggedInEvent extends AuditableEvent {
  constructor(
    readonly adminId: number,
    readonly method: 'password' | 'telegram',
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: admin(this.adminId),
      action: 'admin.login',
      entityType: 'admin',
      entityId: this.adminId,
      changes: { method: this.method },
    };
  }
}

/** A login with a wrong password or unknown username (the attempted username is kept, never the password). */
export class AdminLoginFailedEvent extends AuditableEvent {
  constructor(
    readonly username: string,
    readonly locked: boolean,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: { type: 'admin', id: null },
      action: this.locked ? 'admin.locked' : 'admin.login_failed',
      entityType: 'admin',
      entityId: null,
      changes: { username: this.username.slice(0, 64) },
    };
  }
}

export class AdminLoggedOutEvent extends AuditableEvent {
  constructor(readonly adminId: number) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: admin(this.adminId),
      action: 'admin.logout',
      entityType: 'admin',
      entityId: this.adminId,
    };
  }
}

/** A one-time Telegram login token was handed out in the staff bot (the token itself is never logged). */
export class TelegramLoginTokenIssuedEvent extends AuditableEvent {
  constructor(readonly adminId: number) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: admin(this.adminId),
      action: 'admin.telegram_token_issued',
      entityType: 'admin',
      entityId: this.adminId,
    };
  }
}

/** An admin linked their Telegram account. An outbox fact (audit, in the link's transaction). */
@Fact('admin.telegram-linked')
export class AdminTelegramLinkedEvent extends AuditableEvent {
  constructor(
    readonly adminId: number,
    readonly telegramId: number,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: admin(this.adminId),
      action: 'admin.telegram_linked',
      entityType: 'admin',
      entityId: this.adminId,
      changes: { after: { telegramId: this.telegramId } },
    };
  }
}
