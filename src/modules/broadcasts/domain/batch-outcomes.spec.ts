import { groupOutcomes } from './batch-outcomes';

describe('groupOutcomes', () => {
  it('groups a batch by how its rows are written, one group per UPDATE', () => {
    const recipients = [1, 2, 3, 4, 5, 6, 7].map((userId) => ({ userId, attempts: userId === 6 ? 2 : 0 }));
    const groups = groupOutcomes(
      recipients,
      [
        { kind: 'sent', messageId: 11 },
        { kind: 'blocked', errorCode: '403' },
        { kind: 'rateLimited', retryAfterSeconds: 3, errorCode: '429' },
        { kind: 'rateLimited', retryAfterSeconds: 7, errorCode: '429' },
        { kind: 'retry', errorCode: '502' },
        { kind: 'retry', errorCode: '500' },
        { kind: 'unknown', errorCode: 'ECONNRESET' },
      ],
      3,
    );
    expect(groups).toEqual({
      sent: [{ userId: 1, messageId: 11 }],
      blocked: [{ userId: 2, errorCode: '403' }],
      // the third attempt of user 6 was the last allowed
      failed: [{ userId: 6, errorCode: '500' }],
      unknown: [{ userId: 7, errorCode: 'ECONNRESET' }],
      rateLimited: [
        { userId: 3, errorCode: '429' },
        { userId: 4, errorCode: '429' },
      ],
      retry: [{ userId: 5, errorCode: '502', attempts: 1 }],
      pauseSeconds: 7,
    });
  });
});
