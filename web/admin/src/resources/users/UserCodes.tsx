import type { Schemas } from '@dvorik/api';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath } from 'react-admin';
import { DISCOUNT_STATUS, label } from '../../common/labels';
import { formatShopDateTime } from '../../format/shop-time';
import { formatRubles } from '../../format/money';

type CardCode = Schemas['UserDiscountResponse'];
type CardRedemption = Schemas['UserRedemptionResponse'];

const valueText = (c: CardCode) => (c.kind === 'percent' ? `${c.value} %` : formatRubles(c.value));

/** The card's codes (newest first). */
export function UserCodes({ codes }: { codes: CardCode[] }) {
  const createPath = useCreatePath();
  if (codes.length === 0) return <Typography variant="body2">Кодов нет</Typography>;
  return (
    <Table size="small" aria-label="Коды клиента">
      <TableHead>
        <TableRow>
          <TableCell>Код</TableCell>
          <TableCell>Шаблон</TableCell>
          <TableCell>Скидка</TableCell>
          <TableCell>Статус</TableCell>
          <TableCell>Выдан</TableCell>
          <TableCell>Действует до</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {codes.map((c) => (
          <TableRow key={c.id}>
            <TableCell>
              <Link to={createPath({ resource: 'discounts', id: c.code, type: 'show' })}>{c.code}</Link>
            </TableCell>
            <TableCell>{c.templateName ?? '—'}</TableCell>
            <TableCell>{valueText(c)}</TableCell>
            <TableCell>{label(DISCOUNT_STATUS, c.status)}</TableCell>
            <TableCell>{formatShopDateTime(c.createdAt)}</TableCell>
            <TableCell>{formatShopDateTime(c.expiresAt) || 'бессрочно'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The card's redemptions (newest first). */
export function UserRedemptions({ redemptions }: { redemptions: CardRedemption[] }) {
  if (redemptions.length === 0) return <Typography variant="body2">Погашений нет</Typography>;
  return (
    <Table size="small" aria-label="Погашения клиента">
      <TableHead>
        <TableRow>
          <TableCell>Когда</TableCell>
          <TableCell>Код</TableCell>
          <TableCell>Покупка</TableCell>
          <TableCell>Скидка</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {redemptions.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{formatShopDateTime(r.createdAt)}</TableCell>
            <TableCell>{r.code ?? '—'}</TableCell>
            <TableCell>{formatRubles(r.purchaseAmount) || '—'}</TableCell>
            <TableCell>{formatRubles(r.discountAmount) || '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
