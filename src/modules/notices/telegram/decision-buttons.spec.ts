import { decisionButtonData, decisionKeyboard, parseDecisionButton } from './decision-buttons';

describe('decision buttons', () => {
  it('round-trips a decision through the callback data', () => {
    expect(parseDecisionButton(decisionButtonData('approve', 42))).toEqual({
      decision: 'approve',
      cashierId: 42,
    });
    expect(parseDecisionButton(decisionButtonData('reject', 7))).toEqual({
      decision: 'reject',
      cashierId: 7,
    });
  });

  it.each([
    '',
    'cashier:approve:',
    'cashier:approve:abc',
    'cashier:approve:0',
    'cashier:ban:1',
    'cashier:approve:1:2',
  ])('reads %j as no decision', (data) => {
    expect(parseDecisionButton(data)).toBeNull();
  });

  it('offers «Одобрить» and «Отклонить» within Telegram’s 64-byte limit', () => {
    const [row] = decisionKeyboard(4_294_967_295).inline_keyboard;
    expect(row.map((button) => button.text)).toEqual(['Одобрить', 'Отклонить']);
    for (const button of row) {
      expect(Buffer.byteLength((button as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
    }
  });
});
