import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Multi-page build: the chat page at /interview/ and the dashboard at /interview/dashboard/.
// The output goes straight into the jar layout, so Maven packages it without a copy step.
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command }) => ({
  // Relative URLs in the build, so the pages work under any servlet context path (/<ctx>/interview/);
  // the dev server and Vitest keep the absolute path the pages are deployed at by default.
  base: command === 'build' ? './' : '/interview/',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'target/classes/META-INF/resources/interview'),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      input: {
        chat: resolve(here, 'index.html'),
        dashboard: resolve(here, 'dashboard/index.html'),
      },
    },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Vitest serves from '/'; keep the deployed base so URLs in tests match production.
    env: { BASE_URL: '/interview/' },
  },
}));
