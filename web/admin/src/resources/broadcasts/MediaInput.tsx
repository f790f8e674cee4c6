import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { errorMessage } from '../../errors/error-messages';
import { uploadIdOf } from './broadcast-labels';
import { uploadMedia } from './upload-media';

/**
 * A photo or video for the broadcast: a file from the computer (uploaded at once; the form keeps its
 * `upload:<id>`) or an https URL Telegram downloads itself.
 */
export function MediaInput() {
  const contentType = useWatch({ name: 'contentType' }) as string;
  const { field, fieldState } = useInput<string | null>({
    source: 'media',
    defaultValue: null,
    format: (v) => v,
    parse: (v) => v,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  if (contentType !== 'photo' && contentType !== 'video') return null;
  const media = field.value ?? '';
  const uploaded = uploadIdOf(media) !== null;

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await uploadMedia(file);
      if (result.kind !== contentType) {
        setError(
          result.kind === 'photo'
            ? 'Это фото, а выбрана рассылка с видео'
            : 'Это видео, а выбрана рассылка с фото',
        );
      }
      field.onChange(result.media);
      setFileName(result.fileName);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ width: '100%', mb: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button component="label" variant="outlined" disabled={busy}>
          {busy
            ? 'Загружаю…'
            : contentType === 'photo'
              ? 'Выбрать фото с компьютера'
              : 'Выбрать видео с компьютера'}
          <input
            hidden
            type="file"
            aria-label={contentType === 'photo' ? 'Файл фото' : 'Файл видео'}
            accept={contentType === 'photo' ? 'image/jpeg,image/png' : 'video/mp4'}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </Button>
        <Typography variant="body2" color="text.secondary">
          {uploaded
            ? `Загружен файл: ${fileName ?? media}`
            : contentType === 'photo'
              ? 'JPEG или PNG до 10 МБ'
              : 'MP4 до 50 МБ'}
        </Typography>
      </Stack>
      <TextField
        label="…или ссылка на файл (https://…)"
        value={uploaded ? '' : media}
        onChange={(e) => field.onChange(e.target.value || null)}
        size="small"
        fullWidth
        error={fieldState.invalid}
        helperText={fieldState.error?.message}
      />
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
