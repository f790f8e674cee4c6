import { CssBaseline } from '@mui/material';
import { lazy } from 'react';
import {
  AccessDenied,
  AdminContext,
  AuthenticationError,
  CoreAdminUI,
  Error,
  Layout,
  LoadingPage,
  localStorageStore,
  NotFound,
  Notification,
} from 'react-admin';
import { i18nProvider } from './i18n/i18n-provider';
import { theme } from './layout/theme';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { loadDashboard } from './page-modules';
import { resources } from './resources';

const Dashboard = lazy(loadDashboard);
const store = localStorageStore();
const TITLE = 'Мармеладный Дворик';

/** «Not found» for an unknown page (react-admin's, typed for a string title). */
function CatchAll() {
  return <NotFound title={TITLE} />;
}

/**
 * The panel behind the log-in: react-admin under the app's router at /admin (real URLs, so a deep link
 * survives a reload). Loaded only with a session (App.tsx): the login page is the panel's own, outside
 * react-admin, so the first screen loads none of it; a logged-out react-admin sends to /admin/login.
 *
 * What react-admin's <Admin> renders (AdminContext, CssBaseline, CoreAdminUI with the MUI layout and pages,
 * Notification), put together here without its defaults we replace: <Admin> would bundle its own login page
 * with react-hook-form and the English messages into the dashboard's first load.
 */
export default function Panel() {
  return (
    <AdminContext
      basename="/admin"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={store}
      theme={theme}
    >
      <CssBaseline enableColorScheme>
        <CoreAdminUI
          title={TITLE}
          dashboard={Dashboard}
          layout={Layout}
          catchAll={CatchAll}
          loading={LoadingPage}
          error={Error}
          accessDenied={AccessDenied}
          authenticationError={AuthenticationError}
          loginPage={false}
          disableTelemetry
          requireAuth
        >
          {resources}
        </CoreAdminUI>
        <Notification />
      </CssBaseline>
    </AdminContext>
  );
}
