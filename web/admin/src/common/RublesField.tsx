import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatRubles } from '../format/money';

/** Money the API keeps in kopecks, shown in rubles. */
export function RublesField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source] as number | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {value === null || value === undefined ? '—' : formatRubles(value)}
    </Typography>
  );
}
