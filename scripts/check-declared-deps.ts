/**
 * CI check: every workspace package imports only what its own package.json declares (static,
 * type-only, re-exported and dynamic imports alike). Hoisting would let an undeclared import
 * work here and break for whoever installs the package alone. Tests may also use the root's
 * dev tooling (vitest, fast-check…). Node built-ins need no declaration (core's lint rule
 * forbids them there).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const builtins = new Set(builtinModules);
type Manifest = {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
const declared = (m: Manifest) =>
  new Set([
    ...Object.keys(m.dependencies ?? {}),
    ...Object.keys(m.devDependencies ?? {}),
    ...Object.keys(m.peerDependencies ?? {}),
  ]);
const rootTooling = declared(readManifest(root));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

const problems: string[] = [];
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(join(root, group))) {
    const dir = join(root, group, name);
    if (!statSync(join(dir, 'package.json'), { throwIfNoEntry: false })) continue;
    const manifest = readManifest(dir);
    const own = declared(manifest);
    for (const file of sourceFiles(dir)) {
      const isTest = /(^|\/)test\//.test(relative(dir, file)) || /\.(test|browser)\.ts$/.test(file);
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName: specifier } of importedFiles) {
        if (specifier.startsWith('.') || specifier.startsWith('/')) continue;
        if (specifier.startsWith('node:') || builtins.has(specifier)) continue;
        const pkg = packageOf(specifier);
        if (pkg === manifest.name || own.has(pkg) || (isTest && rootTooling.has(pkg))) continue;
        problems.push(
          `${relative(root, file)} imports ${pkg}, which ${relative(root, dir)}/package.json does not declare`,
        );
      }
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} undeclared import(s)`);
  process.exit(1);
}
console.log('every package imports only what it declares');
