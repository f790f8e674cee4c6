import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';

const admin = (id: number): Actor => ({ type: 'admin', id });

/** An admin logged in with a password or a Telegram one-time token. */
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
