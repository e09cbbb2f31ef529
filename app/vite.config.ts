import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: built into dist/app, which the Fastify server serves (index.html for every
// client-side route). In development `npx vite --config app/vite.config.ts` proxies /api to the
// server on port 3000.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/app', import.meta.url)),
    emptyOutDir: true,
    // Every page is its own chunk (app/platform/seam.ts), loaded when its route is visited; the
    // main chunk holds the shell, the sign-in page and the modules' messages and navigation.
    // No manualChunks/vendor group: Rolldown already puts the code pages share (Mantine's inputs,
    // tables, shared/ schemas) into shared hashed chunks, and a hand-made React/Mantine/router
    // chunk would only move bytes the first visit needs anyway; it would help caching across
    // deploys a little but must then be kept in step with the imports by hand. The largest chunk
    // left is the date handling with its time-zone data (~1 MB, loaded with the first page that
    // shows or takes dates, not by the shell), so the limit sits just above it and flags any page
    // or the main chunk growing past it.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The one hand-made group, for order rather than size: zod-config.ts must run before any
          // schema is parsed, and a chunk's imports run before its body, so the entry chunk
          // (where main.tsx imports it first) would run it too late. In zod's own chunk it runs
          // as soon as zod is there, before every chunk that uses zod.
          groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]platform[\\/]zod-config\.ts$/ }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
