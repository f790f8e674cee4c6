import { Box } from '@mui/material';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCalendarDate } from '../format/shop-time';
import type { DailyPoint } from './use-stats';

const SERIES = [
  { key: 'newUsers', name: 'Регистрации', color: '#6a1b9a' },
  { key: 'codesIssued', name: 'Выдано кодов', color: '#1565c0' },
  { key: 'redemptions', name: 'Погашено', color: '#2e7d32' },
  { key: 'messagesSent', name: 'Доставлено сообщений', color: '#c62828' },
] as const;

/** The daily series of the period, one line per figure. */
export default function DailyChart({ days }: { days: DailyPoint[] }) {
  return (
    <Box
      sx={{ width: '100%', minWidth: 0, height: 280, overflow: 'hidden' }}
      role="img"
      aria-label="График по дням: регистрации, выданные и погашенные коды, доставленные сообщения"
    >
      <ResponsiveContainer>
        <LineChart data={days} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="date"
            tickFormatter={(d: string) => formatCalendarDate(d).slice(0, 5)}
            fontSize={12}
          />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip labelFormatter={(d) => formatCalendarDate(String(d))} />
          <Legend />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              dot={false}
              strokeWidth={2}
              // Drawn at once: the animation keeps the CPU busy for 1.5 s (a phone, the next click).
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}
