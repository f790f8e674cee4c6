import { checkPasswordStrength, ensureAnOwnerRemains } from './owner-rule';

const owner = { role: 'owner', isActive: true };

describe('the last owner rule', () => {
  it('refuses to demote, deactivate or delete the only active owner', () => {
    expect(() => ensureAnOwnerRemains(1, owner, { role: 'marketing', isActive: true })).toThrow(
      'last active owner',
    );
    expect(() => ensureAnOwnerRemains(1, owner, { role: 'owner', isActive: false })).toThrow(
      'last active owner',
    );
    expect(() => ensureAnOwnerRemains(1, owner, null)).toThrow('last active owner');
  });

  it('allows it while another owner remains, and any change to non-owners', () => {
    expect(() => ensureAnOwnerRemains(2, owner, null)).not.toThrow();
    expect(() => ensureAnOwnerRemains(1, { role: 'marketing', isActive: true }, null)).not.toThrow();
    expect(() => ensureAnOwnerRemains(1, owner, { role: 'owner', isActive: true })).not.toThrow();
  });

  it('asks for a reasonable password', () => {
    expect(() => checkPasswordStrength('short')).toThrow();
    expect(() => checkPasswordStrength('1234567890123')).toThrow();
    expect(() => checkPasswordStrength('мармелад-2026')).not.toThrow();
  });
});
