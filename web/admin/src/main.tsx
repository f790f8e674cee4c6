import { CacheProvider } from '@emotion/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { styleCache } from './csp-nonce';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <CacheProvider value={styleCache()}>
      <App />
    </CacheProvider>
  </StrictMode>,
);
