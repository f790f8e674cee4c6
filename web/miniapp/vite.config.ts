import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Two pages, served by the app under /webapp/ (the `Mini Apps` entry of WEB_BUNDLES,
 * src/infrastructure/web/web-bundle.ts): the client's card and the cashier's
 * scanner. No framework: each page is a few kilobytes of TypeScript over the DOM.
 */
export default defineConfig({
  base: '/webapp/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: {
        card: resolve(import.meta.dirname, 'card.html'),
        scanner: resolve(import.meta.dirname, 'scanner.html'),
      },
    },
  },
});
