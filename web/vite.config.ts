import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the sandbox page into web/dist, which the bridge serves. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
