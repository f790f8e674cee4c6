import { DomainError } from '../../../common/errors/domain-error';
import {
  ensureDecidable,
  ensureMayDecide,
  ensureRevocable,
  mayWorkWithCodes,
  statusAfter,
} from './cashier-status';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('cashier status rules', () => {
  it('turns a decision into a status', () => {
    expect(statusAfter('approve')).toBe('approved');
    expect(statusAfter('reject')).toBe('rejected');
  });

  it('lets only approved cashiers work with codes', () => {
    expect(mayWorkWithCodes('approved')).toBe(true);
    for (const status of ['pending', 'rejected', 'revoked'] as const)
      expect(mayWorkWithCodes(status)).toBe(false);
  });

  it('decides only pending applications, the first decision standing', () => {
    expect(codeOf(() => ensureDecidable({ id: 1, status: 'pending' }))).toBeNull();
    for (const status of ['approved', 'rejected', 'revoked'] as const) {
      expect(codeOf(() => ensureDecidable({ id: 1, status }))).toBe('CASHIER_ALREADY_DECIDED');
    }
  });

  it('revokes a pending application or an approved cashier, nothing else', () => {
    expect(codeOf(() => ensureRevocable({ id: 1, status: 'pending' }))).toBeNull();
    expect(codeOf(() => ensureRevocable({ id: 1, status: 'approved' }))).toBeNull();
    expect(codeOf(() => ensureRevocable({ id: 1, status: 'rejected' }))).toBe('CASHIER_ALREADY_DECIDED');
    expect(codeOf(() => ensureRevocable({ id: 1, status: 'revoked' }))).toBe('CASHIER_ALREADY_DECIDED');
  });

  it('lets only an active owner decide', () => {
    expect(codeOf(() => ensureMayDecide({ role: 'owner', isActive: true }))).toBeNull();
    expect(codeOf(() => ensureMayDecide({ role: 'owner', isActive: false }))).toBe('FORBIDDEN_ROLE');
    expect(codeOf(() => ensureMayDecide({ role: 'marketing', isActive: true }))).toBe('FORBIDDEN_ROLE');
    expect(codeOf(() => ensureMayDecide(null))).toBe('FORBIDDEN_ROLE');
  });
});
