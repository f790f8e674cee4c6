import { redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('masks secret fields at any depth and keeps the rest', () => {
    expect(
      redactSecrets({
        username: 'anna',
        password: 'hunter22',
        before: { passwordHash: '$2a$...', role: 'owner' },
        list: [{ apiKey: 'k', terminal: 'T1' }],
        token: 'abc',
      }),
    ).toEqual({
      username: 'anna',
      password: '[redacted]',
      before: { passwordHash: '[redacted]', role: 'owner' },
      list: [{ apiKey: '[redacted]', terminal: 'T1' }],
      token: '[redacted]',
    });
  });
});
