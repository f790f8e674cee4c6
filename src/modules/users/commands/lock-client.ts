import { EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { User } from '../persistence/user.entity';

/**
 * Reads a client for a change inside `manager`'s transaction, locking the row until it commits, so two
 * changes of one client run one after the other. USER_NOT_FOUND; USER_DELETED for an anonymised client.
 */
export async function lockClient(manager: EntityManager, userId: number): Promise<User> {
  const user = await manager
    .createQueryBuilder(User, 'u')
    .setLock('pessimistic_write')
    .where('u.id = :userId', { userId })
    .getOne();
  if (!user) throw new DomainError(ErrorCode.USER_NOT_FOUND, `No client #${userId}`, { userId });
  if (user.status === 'deleted') {
    throw new DomainError(ErrorCode.USER_DELETED, `Client #${userId} was deleted`, { userId });
  }
  return user;
}
