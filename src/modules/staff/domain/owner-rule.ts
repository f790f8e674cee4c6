import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

export interface AdminState {
  role: string;
  isActive: boolean;
}

const isActiveOwner = (admin: AdminState) => admin.role === 'owner' && admin.isActive;

/**
 * The shop always keeps an active owner: refuses a change (demotion, deactivation, deletion) that would
 * leave `activeOwners` with none. `after` is null for a deletion.
 */
export function ensureAnOwnerRemains(
  activeOwners: number,
  before: AdminState,
  after: AdminState | null,
): void {
  if (isActiveOwner(before) && !(after && isActiveOwner(after)) && activeOwners <= 1) {
    throw new DomainError(
      ErrorCode.LAST_OWNER,
      'The last active owner cannot be removed, demoted or deactivated',
    );
  }
}

/** Passwords: 10..200 characters, not all one character class of digits. */
export function checkPasswordStrength(password: string): void {
  if (password.length < 10 || password.length > 200 || /^\d+$/.test(password)) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      'The password must be 10..200 characters and not only digits',
      {
        fields: [{ field: 'password', errors: ['password must be 10..200 characters and not only digits'] }],
      },
    );
  }
}
