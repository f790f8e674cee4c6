import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in the shop's colours (contrast checked by axe in the browser tests). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#8e24aa' },
    secondary: { main: '#6a1b9a' },
  },
};
