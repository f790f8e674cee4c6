import { defaultTheme, type RaThemeOptions } from 'react-admin';
import { palette } from './theme-palette';

/** react-admin's default theme in the shop's colours. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette,
  components: {
    ...defaultTheme.components,
    // react-admin puts a list row's «Выбрать эту запись» on the checkbox's wrapper, not on its <input>, so
    // screen readers (and axe) find an unlabelled input; a default label on the input fixes every list.
    MuiCheckbox: { defaultProps: { slotProps: { input: { 'aria-label': 'Выбрать запись' } } } },
    // On a phone the page keeps the screen's width: react-admin's layout is `min-width: fit-content` and its
    // content a flex item, so a wide table (even in a scrolling box) would widen the whole page instead.
    RaLayout: {
      styleOverrides: {
        root: { '@media (max-width: 599.95px)': { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } },
      },
    },
  },
};
