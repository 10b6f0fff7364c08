/**
 * Builds the web apps (the client PWA in apps/client, the back office in apps/admin) when their
 * `dist` is missing or older than their sources, so `npm start` on a fresh clone serves /app/
 * and /admin/ and later starts skip the build. `--force` always builds; app names
 * (`client`, `admin`) limit it to those.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const APPS: Record<string, { dir: string; sources: string[] }> = {
  client: { dir: 'client', sources: ['src', 'sw', 'public', 'index.html', 'vite.config.ts'] },
  admin: { dir: 'admin', sources: ['src', 'index.html', 'vite.config.ts', 'tsconfig.json'] },
};

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const chosen = args.filter((a) => !a.startsWith('--'));
for (const name of chosen.length ? chosen : Object.keys(APPS)) {
  const spec = APPS[name];
  if (!spec) throw new Error(`unknown app ${name} (known: ${Object.keys(APPS).join(', ')})`);
  const root = fileURLToPath(new URL(`../apps/${spec.dir}/`, import.meta.url));
  const built = join(root, 'dist', 'index.html');
  const sources = [...spec.sources, 'package.json'].map((s) => newest(join(root, s)));
  const stale = force || !existsSync(built) || Math.max(...sources) > statSync(built).mtimeMs;
  if (!stale) {
    console.log(`${name}: apps/${spec.dir}/dist is up to date`);
    continue;
  }
  // NODE_ENV from the caller (vitest sets `test`) would give React's development build.
  const result = spawnSync('npm', ['run', 'build', '-w', `apps/${spec.dir}`], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
