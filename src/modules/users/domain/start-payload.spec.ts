import { isTestSecret, parseStartPayload, sourceOf } from './start-payload';

describe('start payload', () => {
  it('reads an ad source, in lower case', () => {
    expect(parseStartPayload('instagram')).toEqual({ kind: 'source', source: 'instagram' });
    expect(parseStartPayload('VK_Promo-2026')).toEqual({ kind: 'source', source: 'vk_promo-2026' });
    expect(sourceOf(parseStartPayload('flyer'))).toBe('flyer');
  });

  it('reads nothing (source direct) from no payload or one outside [a-z0-9_-]{1,64}', () => {
    for (const payload of [undefined, null, '', '   ', 'x'.repeat(65), 'со_скидкой', 'a b', 'a.b']) {
      expect(parseStartPayload(payload)).toEqual({ kind: 'none' });
      expect(sourceOf(parseStartPayload(payload))).toBe('direct');
    }
    expect(sourceOf(parseStartPayload('x'.repeat(64)))).toBe('x'.repeat(64));
  });

  it('reads an invitation ref_<code>, whose source is "referral"', () => {
    expect(parseStartPayload('ref_Ab3dEf7h')).toEqual({ kind: 'referral', code: 'ab3def7h' });
    expect(sourceOf(parseStartPayload('ref_ab3def7h'))).toBe('referral');
    // Not a code: an ordinary source.
    expect(parseStartPayload('ref_')).toEqual({ kind: 'source', source: 'ref_' });
  });

  it('reads a test link, whose secret is compared exactly and never becomes a source', () => {
    const payload = parseStartPayload('test_S3cret-Value');
    expect(payload).toEqual({ kind: 'test', secret: 'S3cret-Value' });
    expect(sourceOf(payload)).toBe('direct');
    expect(isTestSecret(payload, 'S3cret-Value')).toBe(true);
    expect(isTestSecret(payload, 's3cret-value')).toBe(false);
    expect(isTestSecret(payload, null)).toBe(false);
    expect(isTestSecret(parseStartPayload('instagram'), 'instagram')).toBe(false);
  });
});
