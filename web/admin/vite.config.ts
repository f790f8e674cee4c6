import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * React and the router in chunks of their own: named (a new release of the panel leaves them cached) and
 * shared by the login page and the panel. Everything else is split by Rollup along the lazy imports, so the
 * login page loads no react-admin and the dashboard only the parts of react-admin its layout uses.
 */
const VENDOR_CHUNKS: [chunk: string, packages: RegExp][] = [
  ['react', /\/node_modules\/(?:react|react-dom|scheduler)\//],
  ['router', /\/node_modules\/(?:react-router|react-router-dom|cookie|set-cookie-parser)\//],
];

function vendorChunk(id: string): string | undefined {
  return VENDOR_CHUNKS.find(([, packages]) => packages.test(id))?.[0];
}

/**
 * ra-core's FieldTitle (a component, memo() of a function) reaches the input pages through ra-core's util
 * index; split apart, Rollup warns the two chunks import each other and may run out of order. Nothing reads
 * FieldTitle while the chunks load (only when a page renders), so the order cannot matter; the browser tests
 * open every page. Keeping all of ra-core in one chunk instead put its forms and lists into the dashboard's
 * first load (322 KB instead of 273 KB gzipped).
 */
const isFieldTitleCycle = (warning: { message: string }) =>
  warning.message.includes('ra-core/dist/util/FieldTitle.js" was reexported through module');

/**
 * The panel is served by the app at /admin (src/infrastructure/web). `npm run dev:admin` runs this dev
 * server and proxies /api to a local API (DVORIK_API, default http://127.0.0.1:3000).
 */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.DVORIK_API ?? 'http://127.0.0.1:3000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Hashed file names (the default) let the app cache assets for a year; index.html is never cached.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
      onwarn(warning, warn) {
        if (!isFieldTitleCycle(warning)) warn(warning);
      },
    },
  },
});
