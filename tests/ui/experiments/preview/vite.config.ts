import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The Experiments panel alone (not part of the app build): for measuring and screenshots.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../../../test-artifacts/experiments-preview', import.meta.url)),
    emptyOutDir: true,
  },
});
