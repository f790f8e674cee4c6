import { finalStatus, NO_DELIVERIES, progressPercent } from './broadcast-lifecycle';

describe('broadcast lifecycle', () => {
  it('ends sent when someone got it or nobody was targeted, failed when nobody got it', () => {
    expect(finalStatus({ ...NO_DELIVERIES, sent: 1, failed: 99 })).toBe('sent');
    expect(finalStatus(NO_DELIVERIES)).toBe('sent');
    expect(finalStatus({ ...NO_DELIVERIES, failed: 3, blocked: 2, unknown: 1 })).toBe('failed');
  });

  it('reports progress as the share of recipients with an outcome', () => {
    expect(progressPercent({ ...NO_DELIVERIES, pending: 2, sending: 1, sent: 1 }, false)).toBe(25);
    expect(progressPercent({ ...NO_DELIVERIES, pending: 2, sent: 1 }, false)).toBe(33.3);
    expect(progressPercent(NO_DELIVERIES, false)).toBe(0);
    expect(progressPercent(NO_DELIVERIES, true)).toBe(100);
  });
});
