import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRequest } from '../../api/http';

export interface BroadcastStats {
  status: string;
  target: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  blocked: number;
  unknown: number;
  progress: number;
}

const LIVE = new Set(['scheduled', 'sending']);

/**
 * Delivery progress, polled each second while the broadcast is scheduled or sending (no reload needed);
 * when it ends, the broadcast itself is read again so its status and buttons follow.
 */
export function BroadcastProgress({ id, status }: { id: number; status: string }) {
  const client = useQueryClient();
  const stats = useQuery({
    queryKey: ['broadcast-stats', id],
    queryFn: () => apiRequest<BroadcastStats>(`/broadcasts/${id}/stats`),
    refetchInterval: (query) => (LIVE.has(query.state.data?.status ?? status) ? 1000 : false),
  });
  const liveStatus = stats.data?.status;
  useEffect(() => {
    if (liveStatus && liveStatus !== status) void client.invalidateQueries({ queryKey: ['broadcasts'] });
  }, [liveStatus, status, client]);
  const s = stats.data;
  if (!s) return null;
  const figures: Array<[string, number, string]> = [
    ['Отправлено', s.sent, 'sent'],
    ['Заблокировали бота', s.blocked, 'blocked'],
    ['Ошибки', s.failed + s.unknown, 'failed'],
    ['Ожидают', s.pending + s.sending, 'pending'],
  ];
  return (
    <Box aria-live="polite" data-testid="broadcast-progress" sx={{ my: 2 }}>
      <Typography variant="subtitle2" component="h2">
        Доставка: {s.progress}% из {s.target}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={s.progress}
        aria-label="Ход рассылки"
        sx={{ my: 1, height: 8 }}
      />
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {figures.map(([label, value, key]) => (
          <Typography key={key} variant="body2">
            {label}: <b data-testid={`progress-${key}`}>{value}</b>
          </Typography>
        ))}
      </Stack>
    </Box>
  );
}
