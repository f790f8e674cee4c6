/** The shop's colours (contrast checked by axe in the browser tests): the panel's theme and the login page's. */
export const palette = {
  primary: { main: '#8e24aa' },
  secondary: { main: '#6a1b9a' },
};
