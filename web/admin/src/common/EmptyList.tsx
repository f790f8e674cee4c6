import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * What an empty list says, in full contrast (react-admin's own empty page greys its text out below the
 * WCAG contrast ratio), with the page's create action when there is one.
 */
export function EmptyList({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <Box sx={{ textAlign: 'center', p: 4 }}>
      <Typography variant="h6" component="p" gutterBottom>
        {text}
      </Typography>
      {action}
    </Box>
  );
}
