import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import { TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { answer, api } from '../../api/client';
import { ActionDialog } from '../../common/ActionDialog';
import { formatRubles, kopecksFromRubles } from '../../format/money';

/** Redeems a code from the panel (a purchase at the counter without a cashier), with the purchase amount. */
export function RedeemCodeButton() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [client, setClient] = useState('');
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  const shared = record.userId === null;
  const kopecks = kopecksFromRubles(amount);
  const redeem = async () => {
    const body = {
      ...(kopecks !== null ? { purchaseAmount: kopecks } : {}),
      ...(shared && client ? { clientUserId: Number(client) } : {}),
    };
    const redemption = await answer(
      api.POST('/api/v1/discounts/{code}/redeem', { params: { path: { code: String(record.code) } }, body }),
    );
    const off = redemption.discountAmount ? `, скидка ${formatRubles(redemption.discountAmount)}` : '';
    notify(`Код ${record.code} погашен${off}`, { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button label="Погасить" onClick={() => setOpen(true)}>
        <PointOfSaleIcon />
      </Button>
      <ActionDialog
        open={open}
        title={`Погасить код ${record.code}`}
        confirm="Погасить"
        onClose={() => setOpen(false)}
        run={redeem}
        disabled={amount !== '' && kopecks === null}
      >
        <TextField
          label="Сумма покупки, ₽"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          fullWidth
          margin="normal"
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          error={amount !== '' && kopecks === null}
          helperText="Нужна для кодов с минимальной суммой покупки; например 1500 или 1500,50"
        />
        {shared && (
          <TextField
            label="ID клиента"
            value={client}
            onChange={(e) => setClient(e.target.value.trim())}
            fullWidth
            margin="normal"
            helperText="Общий код: кто его погашает (каждый клиент один раз)"
          />
        )}
      </ActionDialog>
    </>
  );
}
