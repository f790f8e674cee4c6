import { expiryText, shopTimeText } from './shop-time-text';

describe('shop time in texts', () => {
  it('prints an instant in the shop’s time zone', () => {
    expect(shopTimeText(new Date('2026-08-01T05:00:00Z'), 'Asia/Vladivostok')).toBe('01.08.2026 15:00');
    expect(shopTimeText(new Date('2026-12-31T14:30:00Z'), 'Asia/Vladivostok')).toBe('01.01.2027 00:30');
  });

  it('says «отмены» for a code without expiry', () => {
    expect(expiryText(null, 'Asia/Vladivostok')).toBe('отмены');
    expect(expiryText(new Date('2026-08-01T05:00:00Z'), 'Asia/Vladivostok')).toBe('01.08.2026 15:00');
  });
});
