import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in the shop's colours (contrast checked by axe in the browser tests). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#8e24aa' },
    secondary: { main: '#6a1b9a' },
  },
  components: {
    ...defaultTheme.components,
    // react-admin puts a list row's «Выбрать эту запись» on the checkbox's wrapper, not on its <input>, so
    // screen readers (and axe) find an unlabelled input; a default label on the input fixes every list.
    MuiCheckbox: { defaultProps: { slotProps: { input: { 'aria-label': 'Выбрать запись' } } } },
    // The page's content is a flex item: without min-width 0 a wide table (even one in a scrolling box)
    // widens the whole page past a phone's screen instead of scrolling inside its box.
    RaLayout: { styleOverrides: { root: { '& .RaLayout-content': { minWidth: 0 } } } },
  },
};
