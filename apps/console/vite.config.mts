/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The console builds into the api's own output (dist/apps/api/console), so the api image carries
 * it and the api serves it at /console/. `html.cspNonce` marks every tag Vite writes with a nonce
 * placeholder that the api replaces per response (see apps/api/src/console).
 */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: {
      '@app/contracts': here('../../libs/contracts/src/index.ts'),
      '@app/rules': here('../../libs/rules/src/index.ts'),
      // Tests only: the record builders the services' tests use, with the console's fixed values.
      '@app/testing/records': here('../../libs/testing/src/records.ts'),
    },
  },
  html: { cspNonce: 'CSP_NONCE_PLACEHOLDER' },
  build: {
    outDir: here('../../dist/apps/api/console'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run console:dev`: the api (npm start) answers /v1 on its port.
    proxy: { '/v1': { target: process.env.API_URL ?? 'http://127.0.0.1:3001', changeOrigin: false } },
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: [here('src/test/setup.ts')],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 60_000, // generous: the machine running the suite is often busy
  },
});
