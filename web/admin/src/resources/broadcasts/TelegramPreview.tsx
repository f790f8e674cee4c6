import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import type { BroadcastButton } from './broadcast-labels';
import { TelegramHtml } from './telegram-html';
import { useMediaUrl } from './use-media-url';

/** The broadcast as a client sees it in Telegram: media, text (or caption), URL buttons under it. */
export function TelegramPreview({
  contentType,
  text,
  media,
  buttons,
}: {
  contentType: string;
  text: string | null | undefined;
  media: string | null | undefined;
  buttons: BroadcastButton[][] | null | undefined;
}) {
  const mediaUrl = useMediaUrl(contentType === 'text' ? null : media);
  return (
    <Box
      aria-label="Предпросмотр сообщения в Telegram"
      role="figure"
      sx={{ bgcolor: '#d7e4c0', p: 2, borderRadius: 2, maxWidth: 380 }}
    >
      <Paper elevation={0} sx={{ borderRadius: 2, overflow: 'hidden', bgcolor: '#fff' }}>
        {contentType === 'photo' &&
          (mediaUrl ? (
            <img src={mediaUrl} alt="Фото рассылки" style={{ display: 'block', width: '100%' }} />
          ) : (
            <MediaPlaceholder text={media ? '🖼 Фото' : '🖼 Фото не выбрано'} />
          ))}
        {contentType === 'video' && <MediaPlaceholder text={media ? '🎬 Видео' : '🎬 Видео не выбрано'} />}
        <Typography
          component="div"
          variant="body2"
          sx={{ p: 1.5, whiteSpace: 'pre-wrap', wordBreak: 'break-word', '& a': { color: '#2a6fb0' } }}
        >
          {text ? <TelegramHtml html={text} /> : <span style={{ color: '#767676' }}>Текста нет</span>}
        </Typography>
      </Paper>
      {buttons && buttons.length > 0 && (
        <Stack spacing={0.5} sx={{ mt: 0.5 }}>
          {buttons.map((row, r) => (
            <Stack key={r} direction="row" spacing={0.5}>
              {row.map((button, b) => (
                <Button
                  key={b}
                  component="span"
                  fullWidth
                  size="small"
                  variant="contained"
                  disableElevation
                  sx={{
                    bgcolor: '#3d5a2e',
                    color: '#fff',
                    textTransform: 'none',
                    '&:hover': { bgcolor: '#3d5a2e' },
                  }}
                >
                  {button.text || '…'} ↗
                </Button>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Box>
  );
}

function MediaPlaceholder({ text }: { text: string }) {
  return (
    <Box sx={{ height: 140, display: 'grid', placeItems: 'center', bgcolor: '#eee', color: '#444' }}>
      {text}
    </Box>
  );
}
