import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { readSession } from './api/session';
import { LoginPage } from './auth/LoginPage';
import { LoginTheme } from './auth/LoginTheme';
import { loadPanel, preloadPanel } from './page-modules';

// react-admin, the layout and the pages: not needed to log in, so not part of the first screen.
const Panel = lazy(loadPanel);

// A cold load with a session: react-admin and the page asked for are fetched side by side, right away.
if (readSession()) preloadPanel(window.location.pathname);

/** With a session the panel, else the login page (which comes back here afterwards). */
function PanelOrLogin() {
  const location = useLocation();
  if (!readSession())
    return (
      <Navigate
        to="/admin/login"
        replace
        state={{ nextPathname: location.pathname, nextSearch: location.search }}
      />
    );
  return (
    <Suspense fallback={null}>
      <Panel />
    </Suspense>
  );
}

/** The admin panel: the login page on its own, react-admin behind it; Russian only, served at /admin. */
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/admin/login"
          element={
            <LoginTheme>
              <LoginPage />
            </LoginTheme>
          }
        />
        <Route path="/admin/*" element={<PanelOrLogin />} />
      </Routes>
    </BrowserRouter>
  );
}
