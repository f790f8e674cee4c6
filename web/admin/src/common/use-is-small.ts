import { useMediaQuery, type Theme } from '@mui/material';

/** Phones (the owner in the shop at 390 px): lists switch to SimpleList. */
export function useIsSmall(): boolean {
  return useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
}
