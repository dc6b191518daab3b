import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// One SPA: the worker pages are in the entry chunk; the officer console, the map (Leaflet +
// GeoJSON) and the dashboard (ECharts) are dynamic imports, so a worker's phone never loads them.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2019',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8090' },
  },
});
