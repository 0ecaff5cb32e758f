// Lint rules, including the folder rules of shared/STYLE.md: where a file runs decides what it may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importBoundaries } from './scripts/lint/import-boundaries.js';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'url', 'util', 'crypto', 'stream', 'events', 'worker_threads'];
const electronOnly = { group: ['electron', 'electron/*'], message: 'Only main/app/ and preload/ may import electron (shared/STYLE.md habit 1).' };
const noNode = { group: nodeBuiltins, message: 'This folder runs without Node: no node:* imports (shared/STYLE.md habit 1).' };
const noDom = ['window', 'document', 'navigator', 'localStorage', 'fetch'].map((name) => ({ name, message: 'common/ is runtime-free: no DOM globals.' }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'native-helpers/**/target/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { local: { rules: { 'import-boundaries': importBoundaries } } },
    rules: { 'local/import-boundaries': 'error' },
  },
  {
    files: ['common/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, noNode, { group: ['react', 'react-dom', 'zustand'], message: 'common/ is runtime-free.' }] }],
      'no-restricted-globals': ['error', ...noDom, { name: 'process', message: 'common/ is runtime-free: no process.' }, { name: 'Buffer', message: 'common/ is runtime-free: no Buffer.' }],
    },
  },
  {
    files: ['main/**/*.ts', 'e2e/**/*.ts', 'worlds/**/*.ts', 'test-support/**/*.ts', 'bench/**/*.{ts,js}', 'scripts/**/*.{ts,js}', 'nix/**/*.ts', 'packaging/**/*.{ts,js}', 'bin/**/*.js'],
    ignores: ['main/app/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly] }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/cli/**', '**/*.test.ts'],
    rules: { 'no-console': ['error'] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [electronOnly, noNode] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The renderer runs without Node.' }, { name: 'require', message: 'The renderer runs without Node.' }],
    },
  },
  {
    files: ['renderer/features/*/{view,components}/**/*.{ts,tsx}', 'renderer/shared/{app,components}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'gentry', message: 'Components call store actions; stores call renderer/shared/api (shared/STYLE.md habit 8).' }],
    },
  },
);
