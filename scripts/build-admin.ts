// `npm start` runs this first: builds the back office (apps/admin) unless its build is newer
// than every source file, so a fresh clone serves /admin/ and later starts skip the ~6 s build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = fileURLToPath(new URL('../apps/admin/', import.meta.url));
const built = join(app, 'dist/index.html');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];
const stale =
  !existsSync(built) ||
  Math.max(...sources.map((s) => newest(join(app, s)))) > statSync(built).mtimeMs;
if (stale) execFileSync('npm', ['run', 'build', '-w', '@visita/admin'], { stdio: 'inherit' });
else console.log('back office build is up to date (apps/admin/dist)');
