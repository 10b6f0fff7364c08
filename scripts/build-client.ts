/**
 * Builds the client PWA (apps/client/dist) when it is missing or older than its sources, so
 * `npm start` on a fresh clone serves /app/ and later starts skip the build. `--force` always builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const client = fileURLToPath(new URL('../apps/client/', import.meta.url));
const built = join(client, 'dist', 'index.html');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ['src', 'sw', 'public', 'index.html', 'vite.config.ts', 'package.json'];
const stale =
  process.argv.includes('--force') ||
  !existsSync(built) ||
  Math.max(...sources.map((s) => newest(join(client, s)))) > statSync(built).mtimeMs;

if (stale) {
  // NODE_ENV from the caller (vitest sets `test`) would give React's development build.
  const result = spawnSync('npm', ['run', 'build', '-w', 'apps/client'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  process.exit(result.status ?? 1);
} else console.log('client app: apps/client/dist is up to date');
