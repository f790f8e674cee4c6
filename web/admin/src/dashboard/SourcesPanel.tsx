import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SourceRow } from './use-stats';

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
      <Box sx={{ width: '100%', height: 240, mt: 2 }} role="img" aria-label="Источники: столбчатая диаграмма">
        <ResponsiveContainer>
          <BarChart data={rows} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="source" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Legend />
            <Bar dataKey="registrations" name="Регистрации" fill="#6a1b9a" />
            <Bar dataKey="subscriptions" name="Подписки" fill="#1565c0" />
            <Bar dataKey="redemptions" name="Погашения" fill="#2e7d32" />
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </>
  );
}
