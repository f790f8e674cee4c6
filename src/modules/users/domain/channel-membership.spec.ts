import { isChannelMember, isShopChannel } from './channel-membership';

describe('the shop channel', () => {
  it('is named by @username, compared in any case', () => {
    expect(isShopChannel('@marmeladny_dvorik', { id: -1001, username: 'marmeladny_dvorik' })).toBe(true);
    expect(isShopChannel('@Marmeladny_Dvorik', { id: -1001, username: 'marmeladny_DVORIK' })).toBe(true);
    expect(isShopChannel('@marmeladny_dvorik', { id: -1001, username: 'other_channel' })).toBe(false);
    expect(isShopChannel('@marmeladny_dvorik', { id: -1001 })).toBe(false);
  });

  it('or by numeric id', () => {
    expect(isShopChannel('-1001234567890', { id: -1001234567890 })).toBe(true);
    expect(isShopChannel('-1001234567890', { id: -1001234567891, username: 'x' })).toBe(false);
  });
});

describe('a channel member', () => {
  it('counts when member, administrator, creator, or restricted but still in', () => {
    for (const status of ['member', 'administrator', 'creator'] as const) {
      expect(isChannelMember({ status })).toBe(true);
    }
    expect(isChannelMember({ status: 'restricted', is_member: true })).toBe(true);
  });

  it('does not when gone', () => {
    expect(isChannelMember({ status: 'left' })).toBe(false);
    expect(isChannelMember({ status: 'kicked' })).toBe(false);
    expect(isChannelMember({ status: 'restricted', is_member: false })).toBe(false);
  });
});
