/// <reference types="vitest" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into target/frontend-dist (the Maven module's target folder), which maven-war-plugin puts at the WAR's root.
// `npm run dev` serves the sources and forwards the gateway (socket and HTTP API) to a running txrx on :8080.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: '../../../target/frontend-dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/gateway': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
