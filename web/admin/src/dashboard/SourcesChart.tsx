import { Box } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SourceRow } from './use-stats';

/** Registrations, subscriptions and redemptions per source as bars (recharts: loaded after the figures). */
export default function SourcesChart({ rows }: { rows: SourceRow[] }) {
  return (
    <Box
      sx={{ width: '100%', minWidth: 0, height: 240, mt: 2, overflow: 'hidden' }}
      role="img"
      aria-label="Источники: столбчатая диаграмма"
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="source" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Legend />
          {/* Drawn at once, as the daily chart (DailyChart.tsx). */}
          <Bar isAnimationActive={false} dataKey="registrations" name="Регистрации" fill="#6a1b9a" />
          <Bar isAnimationActive={false} dataKey="subscriptions" name="Подписки" fill="#1565c0" />
          <Bar isAnimationActive={false} dataKey="redemptions" name="Погашения" fill="#2e7d32" />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
