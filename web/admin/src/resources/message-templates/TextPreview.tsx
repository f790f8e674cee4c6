import { Alert, Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { apiRequest } from '../../api/http';
import { errorMessage } from '../../errors/error-messages';
import { TelegramHtml } from '../broadcasts/telegram-html';

/** The allowed placeholders of the text, and a live preview rendered by the API with sample values. */
export function TextPreview() {
  const record = useRecordContext<{ key: string; placeholders: string[] }>();
  const text = useWatch({ name: 'text' }) as string | undefined;
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!record) return;
    let current = true;
    const timer = setTimeout(() => {
      apiRequest<{ html: string }>(`/message-templates/${encodeURIComponent(record.key)}/preview`, {
        method: 'POST',
        body: { text: text ?? '' },
      })
        .then((answer) => {
          if (!current) return;
          setHtml(answer.html);
          setError(null);
        })
        .catch((e: unknown) => {
          if (!current) return;
          setHtml(null);
          setError(errorMessage(e));
        });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [record, text]);
  if (!record) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="subtitle2" component="h2">
        Можно вставить
      </Typography>
      <Typography variant="body2" sx={{ mb: 2, fontFamily: 'monospace' }} data-testid="placeholders">
        {record.placeholders.length ? record.placeholders.map((p) => `{${p}}`).join('  ') : 'подстановок нет'}
      </Typography>
      <Typography variant="subtitle2" component="h2">
        Предпросмотр
      </Typography>
      {error ? (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      ) : (
        <Box sx={{ bgcolor: '#d7e4c0', p: 2, borderRadius: 2, maxWidth: 380 }} aria-live="polite">
          <Box
            sx={{ bgcolor: '#fff', p: 1.5, borderRadius: 2, whiteSpace: 'pre-wrap' }}
            data-testid="text-preview"
          >
            {html !== null && <TelegramHtml html={html} />}
          </Box>
        </Box>
      )}
    </Box>
  );
}
