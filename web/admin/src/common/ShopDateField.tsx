import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatCalendarDate, formatShopDateTime } from '../format/shop-time';

/** A date-time field in shop time (`ДД.ММ.ГГГГ ЧЧ:ММ`), or a calendar date with `calendar`. */
export function ShopDateField({
  source,
  calendar,
}: {
  source: string;
  label?: string;
  calendar?: boolean;
  sortable?: boolean;
}) {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source] as string | null | undefined;
  const text = calendar ? formatCalendarDate(value) : formatShopDateTime(value);
  return (
    <Typography component="span" variant="body2">
      {text || '—'}
    </Typography>
  );
}
