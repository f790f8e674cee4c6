import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import type { SourceRow } from './use-stats';

const SourcesChart = lazy(() => import('./SourcesChart'));

/** Registrations → subscriptions → redemptions per source, as a table and a bar chart. */
export function SourcesPanel({ rows }: { rows: SourceRow[] }) {
  if (rows.length === 0) return <Typography variant="body2">За период регистраций нет</Typography>;
  return (
    <>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Источники">
          <TableHead>
            <TableRow>
              <TableCell>Источник</TableCell>
              <TableCell align="right">Регистрации</TableCell>
              <TableCell align="right">Подписки</TableCell>
              <TableCell align="right">Погашения</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.source} data-source={r.source}>
                <TableCell>{r.source}</TableCell>
                <TableCell align="right">{r.registrations}</TableCell>
                <TableCell align="right">{r.subscriptions}</TableCell>
                <TableCell align="right">{r.redemptions}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Suspense fallback={null}>
        <SourcesChart rows={rows} />
      </Suspense>
    </>
  );
}
