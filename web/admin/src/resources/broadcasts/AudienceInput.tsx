import { Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useGetList, useInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { apiRequest } from '../../api/http';

/** Who a broadcast to everyone reaches: active clients, test ones only for a test broadcast. */
const everyone = (isTest: boolean) => ({
  all: [
    { field: 'status', op: 'eq', value: 'active' },
    { field: 'isTest', op: 'eq', value: isTest },
  ],
});

/** The audience picker: all clients or a saved segment, with how many clients that is now. */
export function AudienceInput() {
  const { field } = useInput<number | null>({
    source: 'segmentId',
    defaultValue: null,
    format: (v) => v,
    parse: (v) => v,
  });
  const isTest = Boolean(useWatch({ name: 'isTest' }));
  const segments = useGetList('segments', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const segmentId = typeof field.value === 'number' ? field.value : null;
  const count = useQuery({
    queryKey: ['audience-count', segmentId, isTest],
    queryFn: async () =>
      segmentId === null
        ? (
            await apiRequest<{ count: number }>('/segments/preview', {
              method: 'POST',
              body: { filter: everyone(isTest) },
            })
          ).count
        : (await apiRequest<{ count: number }>(`/segments/${segmentId}/count`)).count,
  });
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={2}
      sx={{ alignItems: { sm: 'center' }, mb: 2, width: '100%' }}
    >
      <TextField
        select
        label="Кому"
        value={segmentId === null ? '' : String(segmentId)}
        onChange={(e) => field.onChange(e.target.value === '' ? null : Number(e.target.value))}
        slotProps={{ select: { native: true } }}
        sx={{ minWidth: 260 }}
      >
        <option value="">Все клиенты</option>
        {(segments.data ?? []).map((segment) => (
          <option key={segment.id} value={String(segment.id)}>
            Сегмент «{String(segment.name)}»
          </option>
        ))}
      </TextField>
      <Typography aria-live="polite" data-testid="audience-count">
        {count.isLoading
          ? 'Считаю получателей…'
          : count.data === undefined
            ? ''
            : `Получателей сейчас: ${count.data}`}
      </Typography>
    </Stack>
  );
}
