import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
      output: {
        // ra-core re-exports its modules through index files that import each other; split across the
        // page chunks they form cycles Rollup warns may run out of order, so ra-core stays in one chunk.
        manualChunks: (id: string) => (id.includes('/node_modules/ra-core/') ? 'ra-core' : undefined),
      },
    },
  },
});
