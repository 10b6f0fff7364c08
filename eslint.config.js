// @ts-check
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
    },
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
