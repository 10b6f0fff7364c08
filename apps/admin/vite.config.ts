import { defineConfig } from 'vite';

/**
 * The back office is served by the Visita server at /admin/ (apps/server/src/plugins/admin-static.ts).
 * JSX is compiled by Vite's own esbuild (tsconfig `jsx: react-jsx`); no React plugin is needed.
 * `npm run dev -w @visita/admin` proxies the API to a server on :8080.
 */
export default defineConfig({
  base: '/admin/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
