import { CodeCard } from '../persistence/code-cards';
import { codeFacts, Redemption, revivedRedemption, storedRedemption } from './code-answers';

const card: CodeCard = {
  id: 7,
  code: 'K7M2QX9A',
  templateId: 1,
  templateName: 'Подарок за подписку',
  description: 'Скидка 10 %',
  kind: 'percent',
  value: 10,
  status: 'active',
  reason: 'subscription',
  periodKey: 'once',
  issuedByAdminId: null,
  isTest: false,
  createdAt: new Date('2026-03-01T00:00:00Z'),
  userId: 42,
  ownerFirstName: 'Анна',
  validFrom: new Date('2026-03-01T00:00:00Z'),
  expiresAt: new Date('2026-03-31T00:00:00Z'),
  usedAt: null,
  suspendedAt: null,
  redemptionCount: 0,
  maxRedemptions: null,
  templateActive: true,
  minPurchase: null,
};

describe('code answers', () => {
  it("show a personal code's owner, and a shared code's named client", () => {
    expect(codeFacts(card, null).client).toEqual({ userId: 42, firstName: 'Анна' });
    const shared = codeFacts({ ...card, userId: null }, { userId: 5, firstName: 'Борис' });
    expect(shared).toMatchObject({ shared: true, client: { userId: 5, firstName: 'Борис' } });
  });

  it('replay a stored redemption as the same JSON as the first answer', () => {
    const { redemptionId, ...rest }: Redemption = {
      redemptionId: 991,
      ...codeFacts({ ...card, redemptionCount: 1 }, null),
      redeemed: true,
      usedAt: new Date('2026-03-10T05:00:00.123Z'),
      purchaseAmount: 100_000,
      discountAmount: 10_000,
    };
    const first: Redemption = { redemptionId, ...rest };
    const stored = JSON.parse(JSON.stringify(storedRedemption(rest))) as Record<string, unknown>;
    const replayed = revivedRedemption(stored, 991);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(first));
    expect(replayed.usedAt).toBeInstanceOf(Date);
    expect(replayed.expiresAt).toEqual(card.expiresAt);
  });
});
