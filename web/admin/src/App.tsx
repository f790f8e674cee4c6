import { lazy } from 'react';
import { Admin } from 'react-admin';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from './auth/LoginPage';
import { i18nProvider } from './i18n/i18n-provider';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { resources } from './resources';
import { theme } from './layout/theme';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));

/** The admin panel: react-admin over the admin API, Russian only, served at /admin. */
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/admin/*" element={<Panel />} />
      </Routes>
    </BrowserRouter>
  );
}

/** Real URLs under /admin (not a hash), so a deep link survives a reload: the app serves index.html for them. */
function Panel() {
  return (
    <Admin
      basename="/admin"
      title="Мармеладный Дворик"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      dashboard={Dashboard}
      theme={theme}
      disableTelemetry
      requireAuth
    >
      {resources}
    </Admin>
  );
}
