// @ts-check
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The dependency direction of ARCHITECTURE.md: who may import whom among our packages. */
const allowedImports = {
  'packages/core': [],
  'packages/contracts': [],
  'packages/db': ['@visita/core'],
  'packages/jobs': ['@visita/core', '@visita/db'],
  'apps/server': ['@visita/core', '@visita/db', '@visita/jobs', '@visita/contracts'],
  'apps/client': ['@visita/contracts'],
  'apps/admin': ['@visita/contracts'],
};
const ours = ['@visita/core', '@visita/db', '@visita/jobs', '@visita/contracts'];

const packageDirs = Object.keys(allowedImports);
/** Inside core: booking owns appointments; clients (and the client cabinet) build on it. */
const coreLayers = [
  ['packages/core/src/booking/', 'packages/core/src/clients'],
  ['packages/core/src/booking/', 'packages/core/src/cabinet'],
];
const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Libraries that do I/O: core gets its effects through ports instead. */
const ioLibraries = [
  'pg',
  'fastify',
  'ioredis',
  'sharp',
  'argon2',
  'pino',
  '@electric-sql/',
  '@fastify/',
];

/**
 * The dependency direction, for every way a module can be named: static and type imports,
 * re-exports and dynamic `import()`. A relative path may not leave its own package; `@visita/*`
 * only as allowed above; core imports no Node built-in and no I/O library, and no computed
 * `import()` (whose target no rule could check).
 */
const dependencyDirection = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = relative(import.meta.dirname, context.filename);
    const own = packageDirs.find((dir) => file.startsWith(`${dir}/`));
    if (!own) return {};
    const allowed = allowedImports[own];
    const inCore = own === 'packages/core';
    const check = (node, specifier) => {
      const report = (message) => context.report({ node, message });
      if (typeof specifier !== 'string') {
        if (inCore) report('core may not import a computed module name');
        return;
      }
      if (specifier.startsWith('.')) {
        const target = relative(import.meta.dirname, resolve(dirname(context.filename), specifier));
        if (target !== own && !target.startsWith(`${own}/`))
          report(`"${specifier}" leaves ${own}: import workspace packages by name, never by path`);
        for (const [from, to] of coreLayers)
          if (file.startsWith(from) && (target === to || target.startsWith(`${to}/`)))
            report(`${from} may not import ${to}: ${to} builds on it, not the reverse`);
        return;
      }
      const ourPackage = ours.find((p) => specifier === p || specifier.startsWith(`${p}/`));
      if (
        ourPackage &&
        !allowed.includes(ourPackage) &&
        !own.endsWith(ourPackage.replace('@visita/', ''))
      )
        report(`${own} may not import ${ourPackage} (ARCHITECTURE.md)`);
      if (
        /^apps\/server\/src\/(routes|presenters)\//.test(file) &&
        (specifier === '@visita/db' || specifier.startsWith('@visita/db/'))
      )
        report('routes and presenters reach the database only through core use cases');
      if (inCore && nodeBuiltins.has(specifier))
        report(`core is pure: no Node built-in ("${specifier}")`);
      if (
        inCore &&
        ioLibraries.some(
          (lib) =>
            specifier === lib ||
            (lib.endsWith('/') && specifier.startsWith(lib)) ||
            specifier.startsWith(`${lib}/`),
        )
      )
        report(`core is pure: no I/O library ("${specifier}")`);
    };
    const fromSource = (node) => {
      if (node.source) check(node, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        check(node, node.source.type === 'Literal' ? node.source.value : undefined);
      },
      TSImportType(node) {
        const literal = node.argument?.literal ?? node.argument;
        check(node, literal?.value);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'data/**', '**/dist/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify hooks and port implementations are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      'visita/dependency-direction': 'error',
    },
    plugins: { visita: { rules: { 'dependency-direction': dependencyDirection } } },
  },
  {
    // HTTP tests read JSON bodies; asserting on them is the point, typing them adds nothing.
    files: ['**/test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  ...Object.entries(allowedImports).map(([dir, allowed]) => ({
    files: [`${dir}/**/*.ts`, `${dir}/**/*.tsx`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ours
              .filter((p) => !allowed.includes(p) && !dir.endsWith(p.replace('@visita/', '')))
              .map((p) => ({
                group: [p, `${p}/*`],
                message: `${dir} may not import ${p} (ARCHITECTURE.md)`,
              })),
            {
              group: ['**/packages/**', '**/apps/**'],
              message: 'import workspace packages by name, never by path',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@visita/*'], message: 'core imports nothing of ours' },
            {
              group: ['node:*', 'fs', 'pg', 'fastify', '@electric-sql/*'],
              message: 'core is pure: no I/O',
            },
          ],
        },
      ],
    },
  },
);
