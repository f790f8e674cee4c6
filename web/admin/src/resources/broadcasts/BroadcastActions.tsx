import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRefresh } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import { ActionDialog } from '../../common/ActionDialog';
import { ActionError } from '../../common/ActionError';
import { getShopTimezone } from '../../format/shop-time';
import type { BroadcastRecord } from './broadcast-labels';

/**
 * What can be done with a broadcast now: test send to oneself, send now, schedule in shop time, cancel.
 * Hidden from readonly admins (the server refuses them anyway).
 */
export function BroadcastActions({ broadcast }: { broadcast: BroadcastRecord }) {
  const { canAccess } = useCanAccess({ resource: 'broadcasts', action: 'edit' });
  const refresh = useRefresh();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [when, setWhen] = useState('');
  const [confirmSend, setConfirmSend] = useState(false);
  if (!canAccess) return null;

  const act = async (path: string, body?: unknown, done?: string) => {
    setError(null);
    setNotice(null);
    try {
      await apiRequest(`/broadcasts/${broadcast.id}/${path}`, { method: 'POST', body });
      if (done) setNotice(done);
      await client.invalidateQueries({ queryKey: ['broadcast-stats', broadcast.id] });
      refresh();
    } catch (e) {
      setError(e);
      throw e;
    }
  };
  const open = broadcast.status === 'draft' || broadcast.status === 'scheduled';
  const cancellable = broadcast.status === 'scheduled' || broadcast.status === 'sending';
  return (
    <Stack spacing={1} sx={{ my: 2 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {broadcast.status !== 'cancelled' && (
          <Button
            variant="outlined"
            onClick={() =>
              void act('test', undefined, 'Тестовое сообщение отправлено вам в Telegram').catch(
                () => undefined,
              )
            }
          >
            Отправить тест себе
          </Button>
        )}
        {open && (
          <Button variant="contained" onClick={() => setConfirmSend(true)}>
            Отправить сейчас
          </Button>
        )}
        {open && (
          <Button variant="outlined" onClick={() => setScheduling((v) => !v)}>
            Запланировать
          </Button>
        )}
        {cancellable && (
          <Button
            color="error"
            variant="outlined"
            onClick={() => void act('cancel', undefined, 'Рассылка отменена').catch(() => undefined)}
          >
            Отменить рассылку
          </Button>
        )}
      </Stack>
      {scheduling && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            type="datetime-local"
            label={`Когда (время магазина, ${getShopTimezone()})`}
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button
            variant="contained"
            disabled={!when}
            onClick={() =>
              void act('schedule', { scheduledAt: when }, 'Рассылка запланирована')
                .then(() => setScheduling(false))
                .catch(() => undefined)
            }
          >
            Сохранить время
          </Button>
        </Stack>
      )}
      {notice && <Alert severity="success">{notice}</Alert>}
      <ActionError error={error} />
      <ActionDialog
        open={confirmSend}
        title="Отправить рассылку сейчас?"
        confirm="Отправить"
        onClose={() => setConfirmSend(false)}
        run={() => act('send')}
      >
        Сообщение уйдёт всем получателям выбранной аудитории. Отменить можно будет только то, что ещё не
        отправлено.
      </ActionDialog>
    </Stack>
  );
}
