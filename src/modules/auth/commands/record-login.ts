import type { Repository } from 'typeorm';
import type { Outbox } from '../../../infrastructure/outbox/outbox';
import { AdminLoggedInEvent } from '../events/auth.events';
import { Admin } from '../../staff/persistence/admin.entity';

/**
 * A successful login (password or Telegram token): the admin's last login time and the login's fact (its
 * audit row) in one transaction. Answers the fact for the caller to publish after the commit.
 */
export async function recordLogin(
  admins: Repository<Admin>,
  outbox: Outbox,
  admin: Pick<Admin, 'id'>,
  method: AdminLoggedInEvent['method'],
  now: Date,
): Promise<AdminLoggedInEvent> {
  const fact = new AdminLoggedInEvent(admin.id, method);
  await admins.manager.transaction(async (manager) => {
    await manager.update(Admin, admin.id, { lastLoginAt: now });
    await outbox.record(manager, fact);
  });
  return fact;
}
