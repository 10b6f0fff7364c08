import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The budget of JavaScript a first visit downloads before the app can draw (gzipped). */
const INITIAL_JS_LIMIT = 200 * 1024;

interface ChunkLike {
  type: 'chunk' | 'asset';
  code?: string;
  isEntry?: boolean;
  imports?: string[];
  name?: string;
}

/** Prints the gzipped size of the entry chunk and what it statically imports; fails over budget. */
function initialJsSize(): Plugin {
  return {
    name: 'visita-initial-js-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = bundle as unknown as Record<string, ChunkLike>;
      const seen = new Set<string>();
      const visit = (file: string) => {
        const chunk = chunks[file];
        if (!chunk || chunk.type !== 'chunk' || seen.has(file)) return;
        seen.add(file);
        for (const next of chunk.imports ?? []) visit(next);
      };
      for (const [file, chunk] of Object.entries(chunks))
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.name !== 'sw') visit(file);
      const bytes = [...seen].reduce(
        (sum, file) => sum + gzipSync(chunks[file]?.code ?? '').length,
        0,
      );
      const kb = (bytes / 1024).toFixed(1);
      console.log(
        `\nvisita client: initial JS ${kb} KB gzipped (${seen.size} file(s), limit 200 KB)`,
      );
      if (bytes > INITIAL_JS_LIMIT) this.error(`initial JS ${kb} KB gzipped exceeds 200 KB`);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [react(), initialJsSize()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        sw: fileURLToPath(new URL('sw/sw.ts', import.meta.url)),
      },
      output: {
        // The service worker keeps a fixed name at the app root so its scope is /app/.
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
