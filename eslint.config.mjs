// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import moduleBoundaries from './eslint/module-boundaries.mjs';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'eslint.config.mjs', 'eslint/**', 'web/*/dist/**'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest modules and CQRS handlers are empty classes by design.
      '@typescript-eslint/no-extraneous-class': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Modules talk through each other's public surface; exceptions are listed in eslint/module-boundaries.allow.mjs.
    files: ['src/**/*.ts'],
    plugins: { 'module-boundaries': moduleBoundaries },
    rules: { 'module-boundaries/public-surface': 'error', 'module-boundaries/table-owner': 'error' },
  },
  {
    // The domain layer is plain TypeScript: no framework, no ORM (DESIGN.md section 2).
    files: ['src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*'], message: 'domain/ must not depend on NestJS (DESIGN.md 2).' },
            { group: ['typeorm', 'typeorm/*'], message: 'domain/ must not depend on TypeORM (DESIGN.md 2).' },
            {
              group: ['telegraf', 'telegraf/*', 'nestjs-telegraf', 'ioredis', 'bullmq'],
              message: 'domain/ is pure logic.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '**/*.spec.ts'],
    rules: { 'no-console': 'off' },
  },
);
