import { Alert, Box, CircularProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import { formatShopDateTime } from '../../format/shop-time';
import type { SegmentPreviewState } from './use-segment-preview';

/** The live count and the newest 20 clients of the filter being built. */
export function SegmentPreview({ preview }: { preview: SegmentPreviewState }) {
  return (
    <Box aria-live="polite" sx={{ minWidth: 260 }}>
      <Typography variant="h6" component="h2">
        Клиентов в сегменте:{' '}
        <span data-testid="segment-count">{preview.count === null ? '—' : preview.count}</span>
        {preview.loading && <CircularProgress size={16} sx={{ ml: 1 }} aria-label="Считаю…" />}
      </Typography>
      {preview.errorText && !preview.errorPath && <Alert severity="error">{preview.errorText}</Alert>}
      {preview.users.length > 0 && (
        <>
          <Typography variant="body2" color="text.secondary">
            Последние зарегистрированные:
          </Typography>
          <List dense data-testid="segment-clients">
            {preview.users.map((user) => (
              <ListItem key={user.id} disableGutters>
                <ListItemText
                  primary={[user.firstName, user.lastName].filter(Boolean).join(' ') || `Клиент #${user.id}`}
                  secondary={`${user.username ? `@${user.username} · ` : ''}${formatShopDateTime(user.createdAt)}${
                    user.tags.length ? ` · ${user.tags.join(', ')}` : ''
                  }`}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Box>
  );
}
