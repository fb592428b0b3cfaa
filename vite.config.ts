import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './vite-plugins/csp';
import { offline } from './vite-plugins/offline';

// Relative base so the built app works from any path (file server, sub-folder, preview).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), offline()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
