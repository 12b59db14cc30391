import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The back office SPA: web/backoffice → dist/web/backoffice, served by the server under /admin
// (src/platform/http/web-apps.ts). `npx vite --config vite.config.ts` serves it with hot reload
// on :5173/admin/ and forwards /api to a server started with `npm run dev` on :3000.
const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig(({ command }) => {
  // A build is always a production build, even when started from a test runner that sets
  // NODE_ENV=test (React would ship its 1 MB development bundle, and the JSX transform would
  // target the development runtime). Vite reads NODE_ENV right after this function runs.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});

const config = {
  root: path.join(root, 'web/backoffice'),
  base: '/admin/',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: path.join(root, 'dist/web/backoffice'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: true,
    // Fonts are split by unicode-range and fetched only when a page needs their glyphs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  server: {
    fs: { allow: [root] },
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` },
  },
} satisfies UserConfig;
