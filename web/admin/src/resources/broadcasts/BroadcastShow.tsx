import { Chip, Stack, Typography } from '@mui/material';
import { EditButton, Show, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { formatShopDateTime } from '../../format/shop-time';
import { BroadcastActions } from './BroadcastActions';
import { BROADCAST_STATUS, type BroadcastRecord } from './broadcast-labels';
import { BroadcastProgress } from './BroadcastProgress';
import { TelegramPreview } from './TelegramPreview';

function Body() {
  const b = useRecordContext<BroadcastRecord>();
  if (!b) return null;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ p: 2 }}>
      <Stack sx={{ flex: 3 }} spacing={1}>
        <Typography variant="h5" component="h1">
          {b.title}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Chip label={BROADCAST_STATUS[b.status] ?? b.status} data-testid="broadcast-status" />
          {b.isTest && <Chip label="тестовая" variant="outlined" />}
        </Stack>
        <Typography variant="body2">
          Аудитория: {b.segmentId === null ? 'все клиенты' : `сегмент #${b.segmentId}`}
        </Typography>
        {b.scheduledAt && (
          <Typography variant="body2">Запланирована на {formatShopDateTime(b.scheduledAt)}</Typography>
        )}
        {b.startedAt && <Typography variant="body2">Начата {formatShopDateTime(b.startedAt)}</Typography>}
        {b.finishedAt && (
          <Typography variant="body2">Завершена {formatShopDateTime(b.finishedAt)}</Typography>
        )}
        <BroadcastActions broadcast={b} />
        <BroadcastProgress id={b.id} status={b.status} />
      </Stack>
      <Stack sx={{ flex: 2 }}>
        <TelegramPreview contentType={b.contentType} text={b.text} media={b.media} buttons={b.buttons} />
      </Stack>
    </Stack>
  );
}

function Actions() {
  const record = useRecordContext<BroadcastRecord>();
  const { canAccess } = useCanAccess({ resource: 'broadcasts', action: 'edit' });
  return (
    <TopToolbar>{canAccess && record?.status === 'draft' && <EditButton label="Изменить" />}</TopToolbar>
  );
}

/** A broadcast: its message, the actions, and the live delivery progress. */
export default function BroadcastShow() {
  return (
    <Show
      title="Рассылка"
      actions={<Actions />}
      queryOptions={{
        refetchInterval: (q) =>
          ['scheduled', 'sending'].includes(String(q.state.data?.status)) ? 2000 : false,
      }}
    >
      <Body />
    </Show>
  );
}
