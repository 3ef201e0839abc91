import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into dist/web, which the platform's own server serves on its one port (src/api/web-app.ts).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `npx vite web` during development: the API runs on `npm start`'s port.
    proxy: Object.fromEntries(['/api', '/t/', '/01/', '/epcis', '/docs', '/openapi.json'].map((p) => [p, 'http://localhost:8080'])),
  },
});
