import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import type { ReactNode } from 'react';
import { palette } from '../layout/theme-palette';

const loginTheme = createTheme({ palette });

/** The login page's MUI theme: the panel's colours without react-admin (the page is outside it). */
export function LoginTheme({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider theme={loginTheme}>
      <CssBaseline />
      {children}
    </ThemeProvider>
  );
}
