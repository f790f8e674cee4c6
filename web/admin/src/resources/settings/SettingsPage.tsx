import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useCanAccess, useNotify } from 'react-admin';
import { apiRequest } from '../../api/http';
import { ActionError } from '../../common/ActionError';
import { nullable, parseSetting, settingKind, showSetting, type SettingView } from './setting-kind';

function SettingForm({ setting, canEdit }: { setting: SettingView; canEdit: boolean }) {
  const kind = settingKind(setting);
  const [raw, setRaw] = useState<string | boolean>(
    kind === 'boolean' ? Boolean(setting.value) : showSetting(setting.value),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const client = useQueryClient();
  const id = `setting-${setting.key}`;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiRequest(`/settings/${encodeURIComponent(setting.key)}`, {
        method: 'PUT',
        body: { value: parseSetting(setting, raw) },
      });
      notify('Настройка сохранена', { type: 'success' });
      await client.invalidateQueries({ queryKey: ['settings'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card variant="outlined" component="section" aria-labelledby={`${id}-title`}>
      <CardContent>
        <Typography id={`${id}-title`} variant="subtitle1" component="h2" sx={{ fontFamily: 'monospace' }}>
          {setting.key}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {setting.description}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
          {kind === 'boolean' ? (
            <FormControlLabel
              control={
                <Switch
                  checked={Boolean(raw)}
                  onChange={(e) => setRaw(e.target.checked)}
                  disabled={!canEdit}
                />
              }
              label={raw ? 'включено' : 'выключено'}
            />
          ) : (
            <TextField
              size="small"
              label="Значение"
              value={String(raw)}
              onChange={(e) => setRaw(e.target.value)}
              disabled={!canEdit}
              type={kind === 'number' ? 'text' : 'text'}
              inputMode={kind === 'number' ? 'decimal' : undefined}
              helperText={`Ожидается: ${setting.expected}${nullable(setting) ? ' (пусто — не задано)' : ''}; по умолчанию: ${showSetting(setting.defaultValue) || 'не задано'}`}
              sx={{ minWidth: 320 }}
            />
          )}
          {canEdit && (
            <Button variant="contained" onClick={() => void save()} disabled={busy}>
              Сохранить
            </Button>
          )}
        </Stack>
        <ActionError error={error} />
      </CardContent>
    </Card>
  );
}

/** Настройки: one small form per setting, built from what GET /settings says about it. */
export default function SettingsPage() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'settings', action: 'edit' });
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: async () => (await apiRequest<{ items: SettingView[] }>('/settings?limit=100')).items,
  });
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title="Настройки" />
      {!canEdit && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Менять настройки может только владелец.
        </Alert>
      )}
      <Stack spacing={2}>
        {(settings.data ?? []).map((setting) => (
          <SettingForm
            key={`${setting.key}:${JSON.stringify(setting.value)}`}
            setting={setting}
            canEdit={canEdit === true}
          />
        ))}
      </Stack>
    </Box>
  );
}
